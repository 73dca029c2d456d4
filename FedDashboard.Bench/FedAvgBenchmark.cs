using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Globalization;

namespace FedDashboard.Bench;

/// <summary>
/// FedAvg through the product's own round pipeline (Hangfire jobs on PostgreSQL, TorchSharp training, central
/// evaluation on the 10,000 test images) until the target accuracy or the round limit, timed end to end.
/// </summary>
internal static class FedAvgBenchmark
{
    private const int SettledMethodsPerRound = 5;
    private const int MostWarmUpJobs = 20;

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var setting = PaperSetting.From(args);
        var job = Job(args);
        var terminals = args.Integer("terminals", 100);
        var warmUpRounds = args.Integer("warmup-rounds", 10);
        if (warmUpRounds < 0) throw new ArgumentException($"--warmup-rounds must be 0 or more (was {warmUpRounds}).");
        if (args.Flag("tiers")) return await TierComparison.RunAsync(job, terminals, args.Integer("seed", 1));

        using var trainingCpu = new TrainingCpuListener();
        var stopwatch = Stopwatch.StartNew();
        var host = await BenchHost.StartAsync("fedavg", terminals);
        var startup = stopwatch.Elapsed;

        Console.WriteLine($"FedAvg benchmark, setting {setting.Name} (options given override it): {terminals} terminals over 5 edges, {job.Describe()}");
        Console.WriteLine($"Strategy: {BenchStrategy.Describe(job.Policy.Aggregation)}");
        Console.WriteLine($"Machine: {MachineDescription.Describe()}");
        if (warmUpRounds > 0) await WarmUpAsync(host, job, warmUpRounds);
        stopwatch.Restart();
        var launchedAt = DateTimeOffset.UtcNow;
        var cpuAtLaunch = Environment.CpuUsage.TotalTime;
        var launched = await job.LaunchAsync(host.Services.GetRequiredService<JobLauncher>(), "fedavg benchmark");
        JobOutcome progress;
        try
        {
            progress = await JobWatcher.WaitForEndAsync(host.Services, launched.Id);
        }
        catch (BenchInterruptedException interrupted)
        {
            // A long run stopped by hand still reports the rounds it ran.
            progress = interrupted.SoFar;
        }
        var wall = progress.EndedAt is { } ended ? ended - launchedAt : stopwatch.Elapsed;
        var processCpu = Environment.CpuUsage.TotalTime - cpuAtLaunch;
        // Stopping writes the step times still queued; the database stays until the host is disposed.
        await host.Host.StopAsync();
        RoundTimings timings;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<FedDbContext>>().CreateDbContextAsync())
            timings = await RoundTimings.LoadAsync(db, launched.Id, launchedAt, trainingCpu.SecondsOf(launched.Id), processCpu.TotalSeconds);
        var handOvers = await JobHandOvers.LoadAsync(host.ConnectionString, launchedAt);
        await host.DisposeAsync();

        var reached = progress.FirstReaching(job.Target);
        var paper = PaperFigures.For(job);
        timings.Print(wall.TotalSeconds);
        JobHandOvers.Print(handOvers);
        Console.WriteLine();
        Console.WriteLine(reached is null
            ? $"Target {job.Target:P0} NOT reached in {progress.Accuracies.Count} rounds; best {progress.Accuracies.Max(a => a.Accuracy):P2}."
            : $"Reached {reached.Accuracy:P2} (target {job.Target:P0}) after {reached.Round} rounds.");
        Console.WriteLine($"FedAvg paper (McMahan et al. 2017, Table 1) for this setting: {paper?.ToString() ?? "no figure"}; ours: {(reached is null ? "not reached" : $"{reached.Round} rounds")}.");
        Console.WriteLine($"Wall time: {wall.TotalSeconds:0.0} s for {progress.Accuracies.Count} rounds ({wall.TotalSeconds / Math.Max(progress.Accuracies.Count, 1):0.00} s per round), plus {startup.TotalSeconds:0.0} s start-up.");
        Console.WriteLine($"Job ended: {progress.EndReason}");

        var path = await BenchResults.WriteAsync("fedavg", new
        {
            benchmark = "fedavg",
            machine = MachineDescription.Describe(),
            settings = job.Settings,
            policy = job.Policy,
            terminals,
            roundsToTarget = reached?.Round,
            accuracyAtTarget = reached?.Accuracy,
            setting = setting.Name,
            paperRoundsToTarget = paper?.Rounds,
            paperTable2RoundsToTarget = paper?.Table2Rounds,
            roundsRun = progress.Accuracies.Count,
            wallSeconds = Math.Round(wall.TotalSeconds, 2),
            secondsPerRound = Math.Round(wall.TotalSeconds / Math.Max(progress.Accuracies.Count, 1), 3),
            startupSeconds = Math.Round(startup.TotalSeconds, 2),
            warmUpRounds,
            endReason = progress.EndReason,
            timings = timings.ToJson(wall.TotalSeconds),
            handOvers,
            accuracyPerRound = progress.Accuracies,
        });
        Console.WriteLine($"Results: {path}");
        Console.WriteLine($"Plot: {AccuracyPlot.Save(path, $"FedAvg {job.Settings.Model} {job.Settings.Partition}, η={job.Settings.LearningRate}", progress.Accuracies, timings, job.Target)}");
        return reached is null ? 1 : 0;
    }

    /// <summary>
    /// Runs the same job first, unmeasured, as a server has run rounds before, in jobs of <paramref name="rounds"/> rounds
    /// until one compiles fewer than <see cref="SettledMethodsPerRound"/> methods a round (at most
    /// <see cref="MostWarmUpJobs"/>): until the JIT settles, rounds run partly unoptimized code and share the cores with
    /// the JIT compiling the rest. On the 2NN IID, 10 rounds still left the JIT thread a quarter of the CPU of the
    /// measured rounds (perf, 10 s sampled).
    /// </summary>
    private static async Task WarmUpAsync(BenchHost host, BenchJob job, int rounds)
    {
        var stopwatch = Stopwatch.StartNew();
        var warmUp = job with { Policy = job.Policy with { Termination = new() { MaxRounds = rounds } } };
        var compiledPerJob = new List<long>();
        do
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            var launched = await warmUp.LaunchAsync(host.Services.GetRequiredService<JobLauncher>(), "fedavg benchmark warm-up");
            await JobWatcher.WaitForEndAsync(host.Services, launched.Id, quiet: true);
            compiledPerJob.Add(System.Runtime.JitInfo.GetCompiledMethodCount() - compiled);
        }
        while (compiledPerJob[^1] >= SettledMethodsPerRound * rounds && compiledPerJob.Count < MostWarmUpJobs);
        var settled = compiledPerJob[^1] < SettledMethodsPerRound * rounds;
        Console.WriteLine($"Warm-up: {compiledPerJob.Count} jobs of {rounds} rounds in {stopwatch.Elapsed.TotalSeconds:0.0} s, not measured; methods compiled by each: " +
            $"{string.Join(", ", compiledPerJob.Select(c => c.ToString("N0")))}{(settled ? "" : " (NOT settled: the figures include the JIT's work)")}.");
    }

    /// <summary>The job from the command line: the paper's setting `--setting` names (2NN IID by default), changed by any option given.</summary>
    public static BenchJob Job(BenchArguments args)
    {
        var setting = PaperSetting.From(args);
        var settings = new TrainingSettings
        {
            Model = args.Text("model", setting.Model) switch { "2nn" => ModelArchitecture.Mlp2NN, "cnn" => ModelArchitecture.Cnn, var m => throw new ArgumentException($"--model must be 2nn or cnn (was '{m}').") },
            Partition = args.Text("partition", setting.Partition) switch { "iid" => DataPartition.Iid, "noniid" => DataPartition.PathologicalNonIid, var other => throw new ArgumentException($"--partition must be iid or noniid (was '{other}').") },
            ClientFraction = args.Number("fraction", 0.1),
            LocalEpochs = args.Integer("epochs", setting.Epochs),
            BatchSize = args.Integer("batch", setting.Batch),
            LearningRate = args.Number("lr", setting.LearningRate),
            EdgeRoundsPerCombination = args.Integer("kappa", 1),
            RoundTimeoutSeconds = 600,
            Seed = args.Integer("seed", 1),
        };
        if (settings.Validate() is { Count: > 0 } errors) throw new ArgumentException(string.Join(" ", errors));
        var policy = JobPolicy.Default with
        {
            AutoApprove = true,
            Aggregation = BenchStrategy.From(args),
            Termination = new() { TargetAccuracy = args.Number("target", setting.Target), MaxRounds = args.Integer("max-rounds", setting.MaxRounds) },
        };
        if (policy.Validate() is { Count: > 0 } problems) throw new ArgumentException(string.Join(" ", problems));
        return new BenchJob(settings, policy);
    }
}
