namespace FedDashboard.Bench;

/// <summary>
/// The terminal protocol over HTTP against the dashboard as its own process: heartbeats per second it sustains from many
/// terminals and concurrent clients (target ≥ 5,000/s), 2NN result uploads per second through real rounds with the
/// server's resident set sampled (target ≥ 100/s, peak at 10× the uploads ≤ 1.2× the peak before), and FedAvg 2NN IID to
/// 97 % with the simulated fleet over HTTP against in process (target ≤ 10 % more wall time).
/// </summary>
internal static class AgentsBenchmark
{
    private const double HeartbeatTarget = 5_000;
    private const double UploadTarget = 100;
    private const double FlatFactor = 1.2;
    private const double TransportOverhead = 1.10;

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var parts = args.Text("parts", "heartbeats,uploads,fedavg").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        if (parts.Except(["heartbeats", "uploads", "fedavg"]).FirstOrDefault() is { } unknown) throw new ArgumentException($"--parts takes heartbeats, uploads and fedavg (was '{unknown}').");
        var clients = args.PositiveInteger("clients", 64);
        Console.WriteLine($"Agents benchmark: the terminal protocol over HTTP on loopback, {clients} concurrent clients, the dashboard as its own process");
        Console.WriteLine($"Machine: {MachineDescription.Describe()}");
        var passed = true;
        HeartbeatLoad.Result? heartbeats = null;
        object? uploads = null;
        object? fedavg = null;

        if (parts.Contains("heartbeats"))
        {
            heartbeats = await HeartbeatsAsync(args, clients);
            passed &= heartbeats.PerSecond >= HeartbeatTarget;
        }
        if (parts.Contains("uploads"))
        {
            var (result, ok) = await UploadsAsync(args, clients);
            (uploads, passed) = (result, passed & ok);
        }
        if (parts.Contains("fedavg"))
        {
            var (result, ok) = await FedAvgAsync(args);
            (fedavg, passed) = (result, passed & ok);
        }

        var path = await BenchResults.WriteAsync("agents", new { benchmark = "agents", machine = MachineDescription.Describe(), clients, heartbeats, uploads, fedavg, passed });
        Console.WriteLine($"Results: {path}");
        return passed ? 0 : 1;
    }

    private static async Task<HeartbeatLoad.Result> HeartbeatsAsync(BenchArguments args, int clients)
    {
        var count = args.PositiveInteger("terminals", 2_000);
        var seconds = args.PositiveInteger("seconds", 15);
        Console.WriteLine();
        Console.WriteLine($"Heartbeats: {count:N0} enrolled terminals, {clients} clients, {seconds} s after a 3 s warm-up; no job runs");
        await using var server = await ServerProcess.StartAsync("agents_heartbeats", 1, new Dictionary<string, string?>
        {
            ["Fed:DefaultJob:StartOnFreshDatabase"] = "false",
            // Each terminal beats far faster here than a device would; the per-terminal limit is not what is measured.
            ["Fed:Terminals:CallsPerSecond"] = "100000",
            ["Fed:Terminals:CallBurst"] = "100000",
        });
        using var terminals = await BenchTerminals.EnrolAsync(server, count, clients, 600);
        var result = await HeartbeatLoad.RunAsync(terminals, clients, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(3));
        Console.WriteLine($"  {result.PerSecond:N0} heartbeats/s ({result.Heartbeats:N0} in {result.Seconds:0.0} s), latency median {result.Latency.MedianMs:0.0} ms, " +
                          $"p95 {result.Latency.P95Ms:0.0} ms, {result.Failures:N0} failed{(result.FirstFailure is null ? "" : $" (first: {result.FirstFailure})")}; " +
                          $"target ≥ {HeartbeatTarget:N0}/s: {(result.PerSecond >= HeartbeatTarget ? "met" : "NOT met")}. Server RSS {server.RssBytes / 1048576.0:0} MiB.");
        return result;
    }

    private static async Task<(object Result, bool Passed)> UploadsAsync(BenchArguments args, int clients)
    {
        var count = args.PositiveInteger("upload-terminals", 100);
        var first = args.PositiveInteger("uploads", 200);
        Console.WriteLine();
        Console.WriteLine($"Uploads: {count} enrolled terminals, all selected each round (C = 1), 2NN; {first} uploads, then {10 * first} more, server RSS sampled every 10 ms");
        await using var server = await ServerProcess.StartAsync("agents_uploads", 1, new Dictionary<string, string?>
        {
            ["Fed:DefaultJob:StartOnFreshDatabase"] = "true",
            ["Fed:DefaultJob:Settings:Model"] = "Mlp2NN",
            ["Fed:DefaultJob:Settings:ClientFraction"] = "1",
            ["Fed:DefaultJob:Settings:RoundTimeoutSeconds"] = "600",
            ["Fed:DefaultJob:Policy:Termination:MaxRounds"] = "100000",
            ["Fed:Terminals:CallsPerSecond"] = "1000",
            ["Fed:Terminals:CallBurst"] = "1000",
        });
        using var terminals = await BenchTerminals.EnrolAsync(server, count, clients, 600);
        await using var rss = new RssSampler(() => server.RssBytes, TimeSpan.FromMilliseconds(10));
        var load = new UploadLoad(terminals, clients);
        rss.TakePeak();
        var before = await load.RunAsync(first, CancellationToken.None);
        var peakBefore = rss.TakePeak();
        var after = await load.RunAsync(10 * first, CancellationToken.None);
        var peakAfter = rss.TakePeak();
        var perSecond = (before.Uploads + after.Uploads) / (before.UploadSeconds + after.UploadSeconds);
        var flat = peakAfter <= FlatFactor * peakBefore;
        Console.WriteLine($"  {perSecond:N0} uploads/s while uploading ({before.Uploads + after.Uploads:N0} accepted, {before.Refused + after.Refused} refused" +
                          $"{((before.FirstRefusal ?? after.FirstRefusal) is { } refusal ? $", first: {refusal}" : "")}, {before.Rounds + after.Rounds} rounds); " +
                          $"target ≥ {UploadTarget}/s: {(perSecond >= UploadTarget ? "met" : "NOT met")}");
        Console.WriteLine($"  server RSS peak {peakBefore:0} MiB over the first {before.Uploads:N0}, {peakAfter:0} MiB over the next {after.Uploads:N0} " +
                          $"({peakAfter / peakBefore:0.00}×); target ≤ {FlatFactor}×: {(flat ? "met" : "NOT met")}");
        return (new { terminals = count, before, after, perSecond, peakRssBeforeMb = peakBefore, peakRssAfterMb = peakAfter }, perSecond >= UploadTarget && flat);
    }

    private static async Task<(object Result, bool Passed)> FedAvgAsync(BenchArguments args)
    {
        var job = FedAvgBenchmark.Job(args);
        var terminals = args.Integer("fleet", 100);
        Console.WriteLine();
        Console.WriteLine($"FedAvg with the simulated fleet in process and over HTTP: {terminals} terminals, {job.Describe()}");
        var inProcess = await TransportComparison.RunAsync("InProcess", job, terminals);
        var http = await TransportComparison.RunAsync("Http", job, terminals);
        var ratio = http.WallSeconds / inProcess.WallSeconds;
        var met = ratio <= TransportOverhead;
        Console.WriteLine(ratio is { } r
            ? $"  Http took {r:0.00}× the in-process wall time ({(r - 1) * 100:+0.0;-0.0} %); target ≤ +10 %: {(met ? "met" : "NOT met")}"
            : "  A run did not reach the target; no comparison.");
        return (new { settings = job.Settings, terminals, inProcess, http, ratio }, met);
    }

}
