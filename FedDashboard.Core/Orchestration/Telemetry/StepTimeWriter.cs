using System.Threading.Channels;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Orchestration.Telemetry;

/// <summary>
/// Adds the steps' durations to the rounds' totals (<see cref="RoundStepTime"/>) off the round's path: a step hands its
/// duration over and goes on; this writes whatever has gathered in one statement, at most once every
/// <see cref="WriteInterval"/>, so a round costs a write or two, not one per step (38 a round of the 2NN benchmark when it
/// wrote as soon as anything came). Every node adds its own steps to the same rows. What is still queued at stop is written.
/// </summary>
public sealed class StepTimeWriter(IDbContextFactory<FedDbContext> dbFactory, ILogger<StepTimeWriter> logger) : BackgroundService
{
    public static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(1);

    private readonly Channel<(int RoundId, RoundStep Step, double Seconds)> _queue = Channel.CreateUnbounded<(int, RoundStep, double)>(new() { SingleReader = true });

    public void Add(int roundId, RoundStep step, TimeSpan elapsed) => _queue.Writer.TryWrite((roundId, step, elapsed.TotalSeconds));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteQueuedAsync(stoppingToken);
                await Task.Delay(WriteInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _queue.Writer.TryComplete();
        await WriteQueuedAsync(cancellationToken);
    }

    private async Task WriteQueuedAsync(CancellationToken ct)
    {
        var totals = new Dictionary<(int RoundId, RoundStep Step), (int Count, double Total, double Longest)>();
        while (_queue.Reader.TryRead(out var time))
        {
            var (count, total, longest) = totals.GetValueOrDefault((time.RoundId, time.Step));
            totals[(time.RoundId, time.Step)] = (count + 1, total + time.Seconds, Math.Max(longest, time.Seconds));
        }
        if (totals.Count == 0) return;

        var rounds = totals.Keys.Select(k => k.RoundId).ToArray();
        var steps = totals.Keys.Select(k => k.Step.ToString()).ToArray();
        var counts = totals.Values.Select(v => v.Count).ToArray();
        var sums = totals.Values.Select(v => v.Total).ToArray();
        var longests = totals.Values.Select(v => v.Longest).ToArray();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "RoundStepTimes" AS t ("RoundId", "Step", "Count", "TotalSeconds", "LongestSeconds")
                SELECT * FROM unnest({rounds}, {steps}, {counts}, {sums}, {longests})
                ON CONFLICT ("RoundId", "Step") DO UPDATE SET
                    "Count" = t."Count" + excluded."Count",
                    "TotalSeconds" = t."TotalSeconds" + excluded."TotalSeconds",
                    "LongestSeconds" = GREATEST(t."LongestSeconds", excluded."LongestSeconds")
                """, ct);
        }
        catch (Exception exception) when (exception is DbUpdateException or Npgsql.NpgsqlException)
        {
            // The figures are for looking back; losing some (a round deleted meanwhile, the database away) must not stop the rounds.
            logger.LogWarning(exception, "Could not add the step times of {Count} round steps.", totals.Count);
        }
    }
}
