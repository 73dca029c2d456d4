namespace FedDashboard.Bench;

/// <summary>
/// The same job on 1 node and on N nodes of this machine (one database, one Redis): rounds per minute and their ratio,
/// the live feed's delay from the publishing node to a hub client on another (p50/p95), and the database connections
/// the nodes hold (peak, per node).
/// </summary>
internal static class ClusterBenchmark
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var nodes = args.PositiveInteger("nodes", 3);
        var rounds = args.PositiveInteger("rounds", 15);
        var terminals = args.PositiveInteger("terminals", 100);
        var limit = TimeSpan.FromMinutes(args.PositiveInteger("minutes", 10));
        Console.WriteLine($"Cluster benchmark: the demo job (2NN, IID, C = 0.1, E = 1, B = 10), {terminals} simulated terminals, {rounds} rounds, 1 node vs {nodes}");
        Console.WriteLine($"Machine: {MachineDescription.Describe()}");

        var runs = new List<ClusterRun.Figures>();
        foreach (var count in new[] { 1, nodes }.Distinct())
        {
            var figures = await ClusterRun.RunAsync(count, rounds, terminals, limit);
            runs.Add(figures);
            Console.WriteLine($"{count} node(s): {figures.Rounds} rounds in {figures.Minutes:0.00} min = {figures.RoundsPerMinute:0.0} rounds/min" +
                (figures.AllRounds ? "; " : $" (only {figures.Rounds} of {rounds} within {limit.TotalMinutes:0} min); ") +
                $"live delay to {(count == 1 ? "the same node" : "another node")} p50 {Ms(figures.LatencyP50Ms)} p95 {Ms(figures.LatencyP95Ms)} ({figures.LatencySamples} fleet ticks); " +
                $"database connections peak {figures.PeakConnections} ({string.Join(", ", figures.PeakConnectionsPerNode.OrderBy(p => p.Key).Select(p => $"{(p.Key.Length == 0 ? "unnamed" : p.Key)} {p.Value}"))})");
        }
        var ratio = runs[^1].RoundsPerMinute / runs[0].RoundsPerMinute;
        Console.WriteLine($"Rounds per minute, {nodes} nodes / 1 node: {ratio:0.00}");
        var path = await BenchResults.WriteAsync("cluster", new { benchmark = "cluster", machine = MachineDescription.Describe(), terminals, rounds, runs, ratio });
        Console.WriteLine($"Results: {path}");
        return 0;
    }

    private static string Ms(double? value) => value is { } ms ? $"{ms:0} ms" : "–";
}
