using FedDashboard.Core.Domain.Requests;
using System.Globalization;

namespace FedDashboard.Bench;

/// <summary>
/// Clients' training requests sharing one simulated fleet: one request alone, then several submitted at once (same
/// target, same fleet, a fresh database each): time to condition of each, the terminals each got, and how long the
/// master took per allocation decision.
/// </summary>
internal static class RequestsBenchmark
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var terminals = args.PositiveInteger("terminals", 40);
        var concurrent = args.PositiveInteger("requests", 3);
        var target = args.Number("target", 0.85);
        if (!(target is > 0 and <= 1)) throw new ArgumentException($"--target is a fraction above 0 and at most 1 (was {target}).");
        var maxRounds = args.PositiveInteger("max-rounds", 50);
        var limit = TimeSpan.FromMinutes(args.PositiveInteger("minutes", 20));
        var overrides = new Dictionary<string, string?>();
        if (args.Text("fraction", "") is { Length: > 0 } fraction) overrides["Fed:DefaultJob:Settings:ClientFraction"] = fraction;

        Console.WriteLine($"Requests benchmark: {terminals} terminals over 5 edges, 2NN IID, target {target:P0}, C {args.Text("fraction", "0.1 (default)")}");
        Console.WriteLine($"Machine: {MachineDescription.Describe()}");
        Console.WriteLine("1 request alone:");
        var alone = await RequestsRun.RunAsync("requests-alone", terminals, overrides, [RequestPriority.Normal], target, maxRounds, limit);
        Console.WriteLine($"{concurrent} requests at once:");
        var together = await RequestsRun.RunAsync("requests-together", terminals, overrides, [.. Enumerable.Repeat(RequestPriority.Normal, concurrent)], target, maxRounds, limit);

        Console.WriteLine();
        Print("alone", alone);
        Print("at once", together);
        var path = await BenchResults.WriteAsync("requests", new
        {
            benchmark = "requests",
            machine = MachineDescription.Describe(),
            terminals,
            target,
            clientFraction = args.Text("fraction", "default"),
            alone = new { alone.Requests, alone.Decisions, alone.WallSeconds },
            together = new { together.Requests, together.Decisions, together.WallSeconds },
        });
        Console.WriteLine($"Results: {path}");
        return alone.Requests.Concat(together.Requests).All(r => r.SecondsToCondition is not null) ? 0 : 1;
    }

    private static void Print(string label, (IReadOnlyList<RequestFigures> Requests, DecisionFigures Decisions, double WallSeconds) run)
    {
        foreach (var r in run.Requests)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {label,-8} request {r.RequestId} ({r.Priority}): {r.Status}, {(r.SecondsToCondition is { } s ? $"{s:0.0} s" : "not met")} to condition, {r.Rounds} rounds, {r.DistinctTerminals} distinct terminals, {r.ParticipantRounds} participant-rounds"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-8} allocation: {run.Decisions.Kept} decisions kept, mean {run.Decisions.MeanMs:0.00} ms, max {run.Decisions.MaxMs:0.00} ms; wall {run.WallSeconds:0.0} s"));
    }
}
