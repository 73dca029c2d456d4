using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;

namespace FedDashboard.Bench;

/// <summary>
/// The cost of heterogeneity: the same job on the same fleet, once with every terminal training the full model and
/// once with HeteroFL width tiers by capacity. The fleet's loads are spread evenly so each tier gets about a third
/// of the terminals; declines, load adaptation and swaps are switched off so that only the model width differs.
/// </summary>
internal static class TierComparison
{
    private sealed record Run(string Mode, JobOutcome Outcome, double MeanWidth, double ParameterShare, TimeSpan Wall);

    public static async Task<int> RunAsync(BenchJob job, int terminals, int seed)
    {
        await using var host = await BenchHost.StartAsync("tiers", terminals, new Dictionary<string, string?>
        {
            ["Fed:Fleet:DeclineAboveLoad"] = "1",
            ["Fed:Fleet:BusyAboveLoad"] = "1",
            ["Fed:Fleet:SwapAboveLoad"] = "1",
        });
        await SpreadLoadsAsync(host.Services, seed);
        Console.WriteLine($"Width tiers vs. a single model: {terminals} terminals over 5 edges with CPU loads spread evenly over 0..0.95, {job.Describe()}");
        Console.WriteLine($"Tiers: {string.Join(", ", EdgePolicy.Default.Tiers.Select(t => $"score ≥ {t.MinScore:0.00} → width {t.Width:0.00}"))}");
        Console.WriteLine($"Machine: {MachineDescription.Describe()}");

        var runs = new List<Run>();
        foreach (var (mode, selection) in new[] { ("single model", SelectionMode.SameModel), ("width tiers", SelectionMode.Tiered) })
        {
            Console.WriteLine($"{mode}:");
            runs.Add(await RunJobAsync(host.Services, mode, selection, job));
        }

        Console.WriteLine();
        Console.WriteLine($"{"mode",-14} {"rounds to target",16} {"best accuracy",13} {"final accuracy",14} {"mean width",10} {"parameters trained",18} {"wall",8}");
        foreach (var run in runs)
        {
            var reached = run.Outcome.FirstReaching(job.Target);
            Console.WriteLine($"{run.Mode,-14} {(reached is null ? "not reached" : reached.Round.ToString()),16} {run.Outcome.Accuracies.Max(a => a.Accuracy),13:P2} {run.Outcome.Accuracies[^1].Accuracy,14:P2} {run.MeanWidth,10:0.00} {run.ParameterShare,18:P0} {run.Wall.TotalSeconds,7:0.0}s");
        }
        var path = await BenchResults.WriteAsync("fedavg-tiers", new
        {
            benchmark = "fedavg --tiers",
            machine = MachineDescription.Describe(),
            settings = job.Settings,
            policy = job.Policy,
            terminals,
            tiers = EdgePolicy.Default.Tiers,
            runs = runs.Select(run => new
            {
                mode = run.Mode,
                roundsToTarget = run.Outcome.FirstReaching(job.Target)?.Round,
                bestAccuracy = run.Outcome.Accuracies.Max(a => a.Accuracy),
                finalAccuracy = run.Outcome.Accuracies[^1].Accuracy,
                meanWidth = run.MeanWidth,
                parameterShareTrained = run.ParameterShare,
                wallSeconds = Math.Round(run.Wall.TotalSeconds, 2),
                endReason = run.Outcome.EndReason,
                accuracyPerRound = run.Outcome.Accuracies,
            }),
        });
        Console.WriteLine($"Results: {path}");
        return 0;
    }

    private static async Task SpreadLoadsAsync(IServiceProvider services, int seed)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FedDbContext>>().CreateDbContextAsync();
        var terminals = await db.Terminals.OrderBy(t => t.Id).ToListAsync();
        var random = new Random(seed);
        var loads = Enumerable.Range(0, terminals.Count).Select(i => 0.95 * i / Math.Max(terminals.Count - 1, 1)).OrderBy(_ => random.Next()).ToArray();
        for (var i = 0; i < terminals.Count; i++)
        {
            var t = terminals[i];
            t.ReportTelemetry(loads[i], battery: 1, t.FreeMemoryMb, online: true, t.LastSeen);
        }
        await db.SaveChangesAsync();
    }

    private static async Task<Run> RunJobAsync(IServiceProvider services, string mode, SelectionMode selection, BenchJob benchJob)
    {
        var factory = services.GetRequiredService<IDbContextFactory<FedDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            foreach (var edge in await db.EdgeServers.ToListAsync())
                edge.ChangePolicy(EdgePolicy.Default with { Selection = selection }, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var stopwatch = Stopwatch.StartNew();
        var job = await benchJob.LaunchAsync(services.GetRequiredService<JobLauncher>(), $"tiers benchmark: {mode}");
        var outcome = await JobWatcher.WaitForEndAsync(services, job.Id);
        var wall = stopwatch.Elapsed;

        await using var read = await factory.CreateDbContextAsync();
        var widths = await read.RoundParticipants
            .Where(p => p.Status == ParticipantStatus.Reported && read.Rounds.Any(r => r.Id == p.RoundId && r.JobId == job.Id))
            .Select(p => p.Work.Width)
            .ToListAsync();
        var model = benchJob.Settings.Model;
        var full = new ModelSpec(model).ParameterCount;
        var share = widths.Count == 0 ? 0 : widths.Average(w => (double)new ModelSpec(model, w).ParameterCount / full);
        return new Run(mode, outcome, widths.Count == 0 ? 0 : widths.Average(), share, wall);
    }
}
