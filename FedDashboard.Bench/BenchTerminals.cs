using FedDashboard.Protocol;

namespace FedDashboard.Bench;

/// <summary>Many terminals of one benchmark client: enrolled over HTTP with one code, sharing one connection pool.</summary>
internal sealed class BenchTerminals : IDisposable
{
    public const string Version = "fed-bench/1";
    private readonly HttpClient _http;
    private readonly int _dataSamples;

    private BenchTerminals(HttpClient http, IReadOnlyList<Enrolled> enrolled, int dataSamples)
    {
        (_http, Enrolled, _dataSamples) = (http, enrolled, dataSamples);
        Channel = new HttpTerminalChannel(http, Version);
    }

    public HttpTerminalChannel Channel { get; }
    public IReadOnlyList<Enrolled> Enrolled { get; }

    public static async Task<BenchTerminals> EnrolAsync(ServerProcess server, int count, int clients, int dataSamples)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        var channel = new HttpTerminalChannel(http, Version);
        var code = await server.EnrolmentCodeAsync(count);
        var enrolled = new Enrolled[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, ct) =>
            enrolled[i] = await channel.EnrolAsync(
                new EnrolRequest(code, $"bench-{i:D6}", "IoT", "Mid", "bench", dataSamples, DateTimeOffset.UtcNow.AddDays(-1), true, Version), ct));
        return new BenchTerminals(http, enrolled, dataSamples);
    }

    /// <summary>An idle terminal at its edge's centre with plenty of battery.</summary>
    public HeartbeatRequest Heartbeat(int terminal) =>
        new(Enrolled[terminal].EdgeX, Enrolled[terminal].EdgeY, 0.2, 2048, 0.9, "bench", _dataSamples, DateTimeOffset.UtcNow.AddDays(-1), true, Version);

    public void Dispose() => _http.Dispose();
}
