using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace FedDashboard.Bench;

/// <summary>
/// The same FedAvg job with the simulated fleet speaking the protocol in process and over HTTP, each on a dashboard
/// process of its own: the wall time from the first round's start to the end of the round whose model reached the target.
/// </summary>
internal static class TransportComparison
{
    public sealed record Run(string Transport, int? RoundsToTarget, double? Accuracy, double? WallSeconds, int RoundsRun, string? EndReason);

    public static async Task<Run> RunAsync(string transport, BenchJob job, int terminals)
    {
        var settings = JobSettings(job);
        settings["Fed:Fleet:Transport"] = transport;
        await using var server = await ServerProcess.StartAsync($"agents_{transport.ToLowerInvariant()}", terminals, settings);
        Console.WriteLine($"  {transport}: dashboard at {server.Address}, training ...");
        while (true)
        {
            await Task.Delay(1000);
            await using var db = server.Db();
            var trainingJob = await db.TrainingJobs.AsNoTracking().OrderBy(j => j.Id).FirstOrDefaultAsync();
            if (trainingJob is null) continue;
            var accuracies = await db.AccuracyByRoundAsync(trainingJob.Id);
            var reached = job.Target is { } target ? accuracies.FirstOrDefault(a => a.Accuracy >= target) : null;
            if (reached is null && trainingJob.Status == JobStatus.Running) continue;

            var rounds = await db.Rounds.AsNoTracking().Where(r => r.JobId == trainingJob.Id).OrderBy(r => r.Number).ToListAsync();
            var wall = reached is null ? (double?)null : (rounds.Single(r => r.Number == reached.Round).EndedAt!.Value - rounds[0].StartedAt).TotalSeconds;
            var run = new Run(transport, reached?.Round, reached?.Accuracy, wall, accuracies.Count, trainingJob.EndReason);
            Console.WriteLine(reached is null
                ? $"  {transport}: target NOT reached in {accuracies.Count} rounds ({trainingJob.EndReason})."
                : $"  {transport}: {reached.Accuracy:P2} after {reached.Round} rounds, {wall:0.0} s from the first round's start.");
            return run;
        }
    }

    /// <summary>The benchmark's job as the dashboard's default job, started on its fresh database.</summary>
    private static Dictionary<string, string?> JobSettings(BenchJob job)
    {
        static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
        var (s, p) = (job.Settings, job.Policy);
        return new()
        {
            ["Fed:DefaultJob:StartOnFreshDatabase"] = "true",
            ["Fed:DefaultJob:Name"] = "transport benchmark",
            ["Fed:DefaultJob:Settings:Model"] = s.Model.ToString(),
            ["Fed:DefaultJob:Settings:Partition"] = s.Partition.ToString(),
            ["Fed:DefaultJob:Settings:ClientFraction"] = Text(s.ClientFraction),
            ["Fed:DefaultJob:Settings:LocalEpochs"] = Text(s.LocalEpochs),
            ["Fed:DefaultJob:Settings:BatchSize"] = Text(s.BatchSize),
            ["Fed:DefaultJob:Settings:LearningRate"] = Text(s.LearningRate),
            ["Fed:DefaultJob:Settings:EdgeRoundsPerCombination"] = Text(s.EdgeRoundsPerCombination),
            ["Fed:DefaultJob:Settings:RoundTimeoutSeconds"] = Text(s.RoundTimeoutSeconds),
            ["Fed:DefaultJob:Settings:Seed"] = Text(s.Seed),
            ["Fed:DefaultJob:Policy:AutoApprove"] = "true",
            ["Fed:DefaultJob:Policy:Termination:TargetAccuracy"] = p.Termination.TargetAccuracy is { } target ? Text(target) : null,
            ["Fed:DefaultJob:Policy:Termination:MaxRounds"] = Text(p.Termination.MaxRounds),
        };
    }
}
