using System.Diagnostics;

namespace FedDashboard.Bench;

/// <summary>Heartbeats as fast as the server answers them: concurrent clients, each taking the next of many terminals.</summary>
internal static class HeartbeatLoad
{
    public sealed record Result(int Terminals, int Clients, double Seconds, long Heartbeats, long Failures, double PerSecond, Timings Latency, string? FirstFailure);

    public static async Task<Result> RunAsync(BenchTerminals terminals, int clients, TimeSpan duration, TimeSpan warmUp)
    {
        await RunForAsync(terminals, clients, warmUp);
        var (succeeded, failed, latencies, firstFailure, elapsed) = await RunForAsync(terminals, clients, duration);
        return new Result(terminals.Enrolled.Count, clients, elapsed.TotalSeconds, succeeded, failed, succeeded / elapsed.TotalSeconds,
            latencies.Count == 0 ? new Timings(double.NaN, double.NaN) : Timings.Of(latencies), firstFailure);
    }

    private static async Task<(long Succeeded, long Failed, List<double> Latencies, string? FirstFailure, TimeSpan Elapsed)> RunForAsync(
        BenchTerminals terminals, int clients, TimeSpan duration)
    {
        long next = -1, succeeded = 0, failed = 0;
        string? firstFailure = null;
        var latencies = new List<double>[clients];
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, clients, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (client, ct) =>
        {
            latencies[client] = [];
            while (stopwatch.Elapsed < duration)
            {
                var terminal = (int)(Interlocked.Increment(ref next) % terminals.Enrolled.Count);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await terminals.Channel.HeartbeatAsync(terminals.Enrolled[terminal].Credential, terminals.Heartbeat(terminal), ct);
                    Interlocked.Increment(ref succeeded);
                    latencies[client].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception failure) when (failure is HttpRequestException or Protocol.TerminalProtocolException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, failure.Message, null);
                }
            }
        });
        return (succeeded, failed, [.. latencies.SelectMany(l => l)], firstFailure, stopwatch.Elapsed);
    }
}
