using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Hosting.Jobs;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Rewarding a round on the real database after real training: exactly once however often and however
/// concurrently it runs, by the policy in force, within budgets, and never edited afterwards.
/// </summary>
public sealed class RoundRewardingTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private RoundRewarding Rewarding => _host.Get<RoundRewarding>();

    /// <summary>One round started, trained by all five participants and aggregated; not yet rewarded.</summary>
    private async Task<Round> AggregatedRoundAsync()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("rewards", TestData.Settings(clientFraction: 0.25));
        var round = await _host.StartRoundByHandAsync(job.Id);
        await _host.TrainAllAsync(round);
        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);
        return round;
    }

    private async Task ChangeRewardPolicyAsync(Func<RewardPolicy, RewardPolicy> change)
    {
        await using var db = _host.Db();
        var program = await db.RewardPrograms.SingleAsync();
        var result = await _host.Get<PolicyChanges>().ChangeRewardPolicyAsync(TestData.Operator, change(program.Policy), program.PolicyRevision);
        Assert.Equal(PolicyChangeOutcome.Saved, result.Outcome);
    }

    private async Task<List<RewardEntry>> EntriesAsync(int roundId)
    {
        await using var db = _host.Db();
        return await db.RewardEntries.Where(e => e.RoundId == roundId).OrderBy(e => e.Id).ToListAsync();
    }

    private static RewardPolicy Flat(RewardPolicy policy) =>
        policy with { Size = new() { Weight = 0 }, Recency = new() { Weight = 0 }, Frequency = new() { Weight = 0 } };

    [Fact]
    public async Task RunAsync_SameRoundTwiceAndConcurrentlyOnTwoWorkers_OneEntryPerAcceptedResult()
    {
        var round = await AggregatedRoundAsync();
        var worker1 = ActivatorUtilities.CreateInstance<RewardRoundJob>(_host.Services);
        var worker2 = ActivatorUtilities.CreateInstance<RewardRoundJob>(_host.Services);

        await Task.WhenAll(Task.Run(() => worker1.RunAsync(round.Id, default)), Task.Run(() => worker2.RunAsync(round.Id, default)));
        await worker1.RunAsync(round.Id, default);

        await using var db = _host.Db();
        var accepted = await db.RoundParticipants.Where(p => p.RoundId == round.Id && p.Status == ParticipantStatus.Reported).Select(p => p.TerminalId).ToListAsync();
        var entries = await EntriesAsync(round.Id);
        Assert.Equal(5, accepted.Count);
        Assert.Equal(accepted.Order(), entries.Select(e => e.TerminalId).Order());
        Assert.NotNull((await db.Rounds.SingleAsync(r => r.Id == round.Id)).RewardedAt);
    }

    [Fact]
    public async Task Ledger_SecondRewardForTheSameResult_RefusedByTheUniqueKey()
    {
        var round = await AggregatedRoundAsync();
        await Rewarding.RewardAsync(round.Id);
        var first = (await EntriesAsync(round.Id))[0];
        await using var db = _host.Db();

        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(async () =>
        {
            var quote = new RewardQuote(new RewardClaim(first.TerminalId, first.EdgeId, 1, TimeSpan.Zero, 0, 0), 1m, 1, 1, 1, 1m, RewardAdjustment.None, "again");
            db.RewardEntries.Add(RewardEntry.ForResult(quote, first.JobId, first.RoundId, "EUR", 0, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(duplicate.InnerException).SqlState);
    }

    [Fact]
    public async Task RewardAsync_PolicyInForce_AmountsFollowItsFactorsAndRecordItsRevision()
    {
        await ChangeRewardPolicyAsync(p => p with { BaseAmount = 0.50m, Currency = "USD", Size = new() { Weight = 0.5, ReferenceSamples = 5000 } });
        var round = await AggregatedRoundAsync();

        await Rewarding.RewardAsync(round.Id);

        var entries = await EntriesAsync(round.Id);
        await using var db = _host.Db();
        var samples = await db.RoundParticipants.Where(p => p.RoundId == round.Id).ToDictionaryAsync(p => p.TerminalId, p => p.Result.Samples);
        Assert.Equal(5, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(("USD", 1, RewardKind.Reward), (e.Currency, e.PolicyRevision, e.Kind));
            Assert.Equal(1 + 0.5 * (samples[e.TerminalId] / 5000.0 - 1), e.SizeMultiplier);
            Assert.Equal(Math.Round(0.50m * (decimal)(e.SizeMultiplier!.Value * e.RecencyMultiplier!.Value * e.FrequencyMultiplier!.Value), 4, MidpointRounding.AwayFromZero), e.Amount);
        });
    }

    [Fact]
    public async Task RewardAsync_RoundBudgetStopPaying_PaysUpToTheBudgetAndMarksWhoGotLess()
    {
        await ChangeRewardPolicyAsync(p => Flat(p) with { BaseAmount = 0.10m, RoundBudget = 0.25m, BudgetRule = BudgetRule.StopPaying });
        var round = await AggregatedRoundAsync();

        await Rewarding.RewardAsync(round.Id);

        var entries = await EntriesAsync(round.Id);
        Assert.Equal(0.25m, entries.Sum(e => e.Amount));
        Assert.Equal([0.10m, 0.10m, 0.05m, 0m, 0m], entries.Select(e => e.Amount).OrderDescending());
        Assert.Equal(3, entries.Count(e => e.Adjustment == RewardAdjustment.BudgetExhausted));
        Assert.All(entries.Where(e => e.Adjustment == RewardAdjustment.BudgetExhausted), e => Assert.Contains("the round budget of 0.2500 EUR ran out", e.Note));
    }

    [Fact]
    public async Task RewardAsync_JobBudgetAcrossRoundsProRata_NeverSpendsMoreThanTheBudget()
    {
        await ChangeRewardPolicyAsync(p => Flat(p) with { BaseAmount = 0.10m, JobBudget = 0.80m });
        var job = await _host.Get<JobLauncher>().LaunchAsync("budget", TestData.Settings(clientFraction: 0.25));

        var first = await _host.RunRoundByHandAsync(job.Id);
        var second = await _host.RunRoundByHandAsync(job.Id);

        var round1 = await EntriesAsync(first.Id);
        var round2 = await EntriesAsync(second.Id);
        Assert.All(round1, e => Assert.Equal((0.10m, RewardAdjustment.None), (e.Amount, e.Adjustment)));
        Assert.All(round2, e => Assert.Equal((0.06m, RewardAdjustment.ScaledProRata), (e.Amount, e.Adjustment)));
        Assert.Equal(0.80m, round1.Concat(round2).Sum(e => e.Amount));
    }

    [Fact]
    public async Task RewardAsync_CapPerTerminal_StopsAtTheCapAcrossRounds()
    {
        await ChangeRewardPolicyAsync(p => Flat(p) with { BaseAmount = 0.10m, CapPerTerminal = 0.15m });
        var job = await _host.Get<JobLauncher>().LaunchAsync("cap", TestData.Settings(clientFraction: 1));

        await _host.RunRoundByHandAsync(job.Id);
        await _host.RunRoundByHandAsync(job.Id);

        await using var db = _host.Db();
        var perTerminal = await db.RewardEntries.Where(e => e.JobId == job.Id).GroupBy(e => e.TerminalId).Select(g => g.Sum(e => e.Amount)).ToListAsync();
        Assert.NotEmpty(perTerminal);
        Assert.All(perTerminal, total => Assert.True(total <= 0.15m, $"{total} exceeds the cap"));
        Assert.Contains(await db.RewardEntries.Where(e => e.JobId == job.Id).Select(e => e.Adjustment).ToListAsync(), a => a == RewardAdjustment.Capped);
    }

    [Fact]
    public async Task Ledger_UpdateOrDelete_RefusedByTheDatabase()
    {
        var round = await AggregatedRoundAsync();
        await Rewarding.RewardAsync(round.Id);
        var rewarded = await EntriesAsync(round.Id);
        await using var db = _host.Db();

        var update = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"RewardEntries\" SET \"Amount\" = 99"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"RewardEntries\""));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
        Assert.DoesNotContain(await EntriesAsync(round.Id), e => e.Amount == 99);
        Assert.Equal(rewarded.Select(e => (e.Id, e.Amount)), (await EntriesAsync(round.Id)).Select(e => (e.Id, e.Amount)));
    }

    [Fact]
    public async Task CorrectAsync_Operator_NewSignedEntryAuditedOriginalUnchanged()
    {
        var round = await AggregatedRoundAsync();
        await Rewarding.RewardAsync(round.Id);
        var rewarded = await EntriesAsync(round.Id);
        var original = rewarded[0];

        var correction = await _host.Get<LedgerCorrections>().CorrectAsync(TestData.Operator, original.Id, -0.02m, "Duplicate data found");

        var entries = await EntriesAsync(round.Id);
        Assert.Equal(rewarded.Count + 1, entries.Count);
        Assert.Equal(original.Amount, entries.Single(e => e.Id == original.Id).Amount);
        Assert.Equal((RewardKind.Correction, original.Id, -0.02m, "Duplicate data found", "olivia"),
            (correction.Kind, correction.CorrectsEntryId, correction.Amount, correction.Note, correction.CreatedBy));
        var audit = Assert.Single(await _host.AuditAsync(AuditOutcome.Done), e => e.Action == AuditAction.RewardCorrected);
        Assert.Equal((AuditSubject.RewardEntry, original.Id.ToString()), (audit.Subject, audit.SubjectId));
    }

    [Fact]
    public async Task CorrectAsync_Viewer_RefusedAuditedAndNoEntry()
    {
        var round = await AggregatedRoundAsync();
        await Rewarding.RewardAsync(round.Id);
        var rewarded = await EntriesAsync(round.Id);
        var original = rewarded[0];

        await Assert.ThrowsAsync<FedDashboard.Core.Domain.Security.AccessDeniedException>(() =>
            _host.Get<LedgerCorrections>().CorrectAsync(TestData.Viewer, original.Id, 1m, "more"));

        Assert.Equal(rewarded.Select(e => (e.Id, e.Amount)), (await EntriesAsync(round.Id)).Select(e => (e.Id, e.Amount)));
        Assert.Contains(await _host.AuditAsync(AuditOutcome.Refused), e => e.Action == AuditAction.RewardCorrected && e.Actor == TestData.Viewer.Name);
    }

    [Theory]
    [InlineData(0, "a reason")]
    [InlineData(0.00001, "a reason")]
    [InlineData(1, " ")]
    public async Task CorrectAsync_BadInput_RefusedWithNothingStored(double amount, string reason)
    {
        var round = await AggregatedRoundAsync();
        await Rewarding.RewardAsync(round.Id);
        var rewarded = await EntriesAsync(round.Id);
        var original = rewarded[0];

        await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Get<LedgerCorrections>().CorrectAsync(TestData.Operator, original.Id, (decimal)amount, reason));

        Assert.Equal(rewarded.Select(e => (e.Id, e.Amount)), (await EntriesAsync(round.Id)).Select(e => (e.Id, e.Amount)));
    }

    [Fact]
    public async Task RecoverStalledJobs_RoundCompletedButNeverRewarded_SchedulesItsRewarding()
    {
        // The process died after aggregation committed and before the reward job ran: the round is completed, nothing rewarded.
        var round = await AggregatedRoundAsync();
        await using (var db = _host.Db())
            await db.Database.ExecuteSqlAsync($"UPDATE \"Rounds\" SET \"EndedAt\" = now() - interval '5 minutes' WHERE \"Id\" = {round.Id}");
        var monitoring = _host.Get<JobStorage>().GetMonitoringApi();
        int RewardJobsQueued() => monitoring.EnqueuedJobs("default", 0, 1000)
            .Count(j => j.Value.Job.Type == typeof(RewardRoundJob) && (int)j.Value.Job.Args[0] == round.Id);
        var before = RewardJobsQueued();

        await ActivatorUtilities.CreateInstance<RecoverStalledJobsJob>(_host.Services).RunAsync(default);

        Assert.Equal(before + 1, RewardJobsQueued());
    }

    [Fact]
    public async Task ChangeRewardPolicyAsync_CapBelowBase_RefusedAndNothingStored()
    {
        await using var db = _host.Db();
        var program = await db.RewardPrograms.AsNoTracking().SingleAsync();

        await Assert.ThrowsAsync<InvalidInputException>(() => _host.Get<PolicyChanges>().ChangeRewardPolicyAsync(
            TestData.Operator, program.Policy with { BaseAmount = 1m, CapPerTerminal = 0.5m }, program.PolicyRevision));

        var stored = await db.RewardPrograms.AsNoTracking().SingleAsync();
        Assert.Equal((program.Policy, 0), (stored.Policy, stored.PolicyRevision));
        Assert.DoesNotContain(await _host.AuditAsync(AuditOutcome.Done), e => e.Subject == AuditSubject.RewardPolicy);
    }
}
