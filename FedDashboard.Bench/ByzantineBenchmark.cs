using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Orchestration.Training;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;

namespace FedDashboard.Bench;

/// <summary>
/// Robust aggregation under attack: the 2NN on MNIST through the product's own pipeline while a seeded share of
/// the simulated fleet sign-flips or scales its updates, FedAvg against each robust rule, applied at the edges and at
/// the centre. The attackers are fleet options, so each attack setting gets a host of its own, on which every
/// partition and rule runs as a job with the same seed (the same terminals are selected each round).
/// </summary>
internal static class ByzantineBenchmark
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var plan = ByzantinePlan.From(args);
        var settings = plan.Settings;
        Console.WriteLine($"Byzantine benchmark: {plan.Terminals} terminals over 5 edges, 2NN, C={settings.ClientFraction}, E={settings.LocalEpochs}, B={settings.BatchSize}, " +
            $"η={settings.LearningRate}, {plan.Rounds} rounds per run, {plan.RunCount} runs; trimmed mean β={new AggregationPolicy().TrimFraction}, " +
            $"clipping at {new AggregationPolicy().ClipFactor} × the median update norm");
        Console.WriteLine($"Machine: {MachineDescription.Describe()}");

        var total = Stopwatch.StartNew();
        var runs = new List<ByzantineRun>();
        foreach (var attack in plan.Attacks)
        {
            await using var host = await BenchHost.StartAsync("byzantine", plan.Terminals, attack.FleetSettings());
            foreach (var partition in plan.Partitions)
            {
                foreach (var rule in plan.Rules)
                {
                    var name = $"{ByzantineReport.Name(partition)}, {attack.Name} {attack.Fraction:P0}, {ByzantinePlan.Label(rule)}";
                    Console.WriteLine($"[{runs.Count + 1}/{plan.RunCount}] {name}:");
                    var stopwatch = Stopwatch.StartNew();
                    var job = await plan.Job(partition, rule).LaunchAsync(host.Services.GetRequiredService<JobLauncher>(), $"byzantine: {name}");
                    var run = new ByzantineRun(partition, attack, rule, await JobWatcher.WaitForEndAsync(host.Services, job.Id), stopwatch.Elapsed);
                    Console.WriteLine($"  final {run.Final:P2}, best {run.Best:P2}, {run.Wall.TotalSeconds:0} s");
                    runs.Add(run);
                }
            }
        }
        var wall = total.Elapsed;

        Console.WriteLine();
        ByzantineReport.PrintTable(plan, runs);
        Console.WriteLine();
        var checks = ByzantineReport.Checks(runs);
        ByzantineReport.PrintChecks(checks);
        Console.WriteLine($"Wall time: {wall.TotalMinutes:0.0} min for {runs.Count} runs.");

        var path = await BenchResults.WriteAsync("byzantine", new
        {
            benchmark = "byzantine",
            machine = MachineDescription.Describe(),
            settings,
            plan.Rounds,
            plan.Terminals,
            wallSeconds = Math.Round(wall.TotalSeconds, 1),
            targetChecks = checks.Select(c => new { c.Attack, c.AttackFree, c.FedAvg, bestRule = c.BestRule, c.Best, c.RobustHolds, c.FedAvgFails, c.Met }),
            runs = runs.Select(run => new
            {
                partition = run.Partition,
                attack = run.Attack.Name,
                attackKind = run.Attack.Fraction == 0 ? null : (object)run.Attack.Kind,
                attackScaleFactor = run.Attack.Fraction == 0 ? null : (double?)run.Attack.ScaleFactor,
                attackerFraction = run.Attack.Fraction,
                rule = run.Rule,
                finalAccuracy = run.Final,
                bestAccuracy = run.Best,
                wallSeconds = Math.Round(run.Wall.TotalSeconds, 1),
                endReason = run.Outcome.EndReason,
                accuracyPerRound = run.Outcome.Accuracies,
            }),
        });
        Console.WriteLine($"Results: {path}");
        return 0;
    }
}
