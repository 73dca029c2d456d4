using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// A finished job with a hand-written ledger on the fleet a database already has: three rounds rewarded over a month's
/// end (awkward amounts, every adjustment, one entry in USD), a negative correction, and a pending payout batch of the
/// first round. The job is aborted and its rounds are rewarded, so a running dashboard leaves it alone.
/// </summary>
public sealed class LedgerArrangement
{
    private LedgerArrangement(TrainingJob job, List<Round> rounds, List<RewardEntry> entries, PayoutBatch batch)
    {
        Job = job;
        Rounds = rounds;
        Entries = entries;
        Batch = batch;
    }

    public TrainingJob Job { get; }
    public IReadOnlyList<Round> Rounds { get; }

    /// <summary>Every line written, oldest id first, with the ids the database gave them.</summary>
    public IReadOnlyList<RewardEntry> Entries { get; }

    /// <summary>Pending, holding the four lines of the first round.</summary>
    public PayoutBatch Batch { get; }

    /// <summary>The lines <see cref="Batch"/> took.</summary>
    public IReadOnlyList<long> BatchEntryIds => [.. Entries.Take(4).Select(e => e.Id)];

    /// <summary>Friday 30 October, Monday 2 and Tuesday 3 November 2026 (UTC): two days, two weeks and two months apart.</summary>
    public static readonly DateTimeOffset[] RoundTimes =
    [
        new(2026, 10, 30, 10, 0, 0, TimeSpan.Zero),
        new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero),
        new(2026, 11, 3, 23, 59, 59, TimeSpan.Zero),
    ];

    public static async Task<LedgerArrangement> CreateAsync(string connectionString, string jobName = "ledger test")
    {
        await using var db = new FedDbContext(new DbContextOptionsBuilder<FedDbContext>().UseNpgsql(connectionString).Options);
        var terminals = await db.Terminals.AsNoTracking().OrderBy(t => t.Id).Take(4).ToListAsync();
        var edgeIds = await db.EdgeServers.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        var start = RoundTimes[0].AddDays(-1);

        var job = new TrainingJob(jobName, TestData.Settings(), TestData.Policy(), terminals.Count, TestData.Operator.Name, start);
        job.Abort(TestData.Operator.Name, start);
        db.TrainingJobs.Add(job);
        await db.SaveChangesAsync();
        var initial = ModelVersion.Initial(job.Id, "ledger-test-model", start);
        db.ModelVersions.Add(initial);
        await db.SaveChangesAsync();
        var rounds = RoundTimes.Select((at, i) => FinishedRound(job.Id, i + 1, initial.Id, at)).ToList();
        db.Rounds.AddRange(rounds);
        await db.SaveChangesAsync();

        // (round, terminal, amount, adjustment, currency): 4 decimal places as the ledger keeps them, some awkward in binary.
        (int Round, int Terminal, decimal Amount, RewardAdjustment Adjustment, string Currency)[] lines =
        [
            (0, 0, 0.1234m, RewardAdjustment.None, "EUR"),
            (0, 1, 0.2000m, RewardAdjustment.Capped, "EUR"),
            (0, 2, 1.0001m, RewardAdjustment.None, "EUR"),
            (0, 3, 0.0567m, RewardAdjustment.ScaledProRata, "EUR"),
            (1, 0, 0.3333m, RewardAdjustment.None, "EUR"),
            (1, 1, 0.0000m, RewardAdjustment.BudgetExhausted, "EUR"),
            (1, 2, 12345.6789m, RewardAdjustment.None, "EUR"),
            (2, 0, 0.5000m, RewardAdjustment.None, "EUR"),
            (2, 3, 2.5000m, RewardAdjustment.None, "USD"),
        ];
        var entries = lines.Select((line, i) =>
        {
            var terminal = terminals[line.Terminal];
            var claim = new RewardClaim(terminal.Id, edgeIds[line.Terminal % edgeIds.Count], 500 + i, TimeSpan.FromDays(i), i % 3, 0);
            var quote = new RewardQuote(claim, line.Amount + 0.1m, 1 + i / 10.0, 0.7 + i / 100.0, 1.1, line.Amount, line.Adjustment, $"Line {i}: {line.Adjustment}.");
            return RewardEntry.ForResult(quote, job.Id, rounds[line.Round].Id, line.Currency, policyRevision: 0, RoundTimes[line.Round].AddTicks(i * 10));
        }).ToList();
        db.RewardEntries.AddRange(entries);
        await db.SaveChangesAsync();

        var correction = RewardEntry.CorrectionOf(entries[1], -0.0500m, "Counted twice.", TestData.Operator.Name, RoundTimes[2].AddHours(-12));
        db.RewardEntries.Add(correction);
        await db.SaveChangesAsync();
        entries.Add(correction);

        var held = entries.Take(4).ToList();
        var batch = new PayoutBatch(new PayoutScope(null, RoundTimes[1], null, job.Id), "EUR", held.Count, held.Sum(e => e.Amount), TestData.Operator.Name, RoundTimes[2]);
        db.PayoutBatches.Add(batch);
        await db.SaveChangesAsync();
        // Items are written set-based, as PayoutBatches writes them; they have no constructor of their own.
        var heldIds = held.Select(e => e.Id).ToArray();
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "PayoutBatchItems" ("BatchId", "EntryId", "Released") SELECT {batch.Id}, unnest({heldIds}), FALSE""");

        return new LedgerArrangement(job, rounds, entries, batch);
    }

    private static Round FinishedRound(int jobId, int number, int baseVersionId, DateTimeOffset at)
    {
        var round = new Round(jobId, number, baseVersionId, at.AddMinutes(-5), at.AddMinutes(5));
        round.Cancel(at);
        round.MarkRewarded(at);
        return round;
    }
}
