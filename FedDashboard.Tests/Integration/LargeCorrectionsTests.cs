using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Corrections above the acceptance threshold (5 here) through the real services on PostgreSQL: one reward of 2 for a
/// terminal, corrected by <see cref="TestData.Operator"/>; <see cref="TestData.Approver"/> decides.
/// </summary>
public sealed class LargeCorrectionsTests : IAsyncLifetime
{
    private static readonly PayoutScope Everything = new(null, null, null, null);
    private FedTestHost _host = null!;
    private RewardEntry _reward = null!;

    private LedgerCorrections Corrections => _host.Get<LedgerCorrections>();

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 8, settings: new Dictionary<string, string?>
        {
            ["Fed:Rewards:CorrectionApprovalThreshold"] = "5",
        });
        var round = await _host.StartRoundByHandAsync((await _host.Get<JobLauncher>().LaunchAsync("corrections", TestData.Settings())).Id);
        await using var db = _host.Db();
        var terminal = await db.Terminals.Where(t => t.EdgeId != null).OrderBy(t => t.Id).FirstAsync();
        _reward = await db.AddRewardAsync(round.JobId, round.Id, terminal.Id, terminal.EdgeId!.Value, 2m, DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>What the payout preview, the terminal's ledger total, the report and the export each count, in that order.</summary>
    private async Task<(decimal Payable, decimal Terminal, decimal Report, int Exported)> CountedAsync()
    {
        var preview = await _host.Get<PayoutBatches>().PreviewAsync(Everything, "EUR");
        var terminal = await new TerminalLedger(_host.Get<IDbContextFactory<FedDbContext>>()).ReadAsync(_reward.TerminalId);
        var report = await new RewardReportQueries(_host.Get<IDbContextFactory<FedDbContext>>()).LoadAsync(new LedgerFilter(), ReportPeriod.Day);
        await using var db = _host.Db();
        var exported = await new LedgerFilter().Apply(db).CountAsync();
        var totals = report.Totals.Single();
        return (preview.Total, terminal.Totals.Single().Total, totals.Rewarded + totals.Corrections, exported);
    }

    [Fact]
    public async Task CorrectAsync_AtMostTheThreshold_CountsAtOnce()
    {
        var correction = await Corrections.CorrectAsync(TestData.Operator, _reward.Id, 5m, "Missed samples");

        Assert.False(correction.NeedsAcceptance);
        Assert.Equal((7m, 7m, 7m, 2), await CountedAsync());
    }

    [Fact]
    public async Task CorrectAsync_AboveTheThreshold_CountsNowhereUntilAnotherApproverAccepts()
    {
        var correction = await Corrections.CorrectAsync(TestData.Operator, _reward.Id, -5.5m, "Duplicate upload");

        Assert.True(correction.NeedsAcceptance);
        Assert.Equal((2m, 2m, 2m, 1), await CountedAsync());
        var line = (await new TerminalLedger(_host.Get<IDbContextFactory<FedDbContext>>()).ReadAsync(_reward.TerminalId)).Lines.Single(l => l.Id == correction.Id);
        Assert.True(line.Pending);

        await Corrections.AcceptAsync(TestData.Approver, correction.Id, "Checked the uploads");

        Assert.Equal((-3.5m, -3.5m, -3.5m, 2), await CountedAsync());
    }

    [Fact]
    public async Task RejectAsync_AboveTheThreshold_NeverCountsAndIsDecidedOnce()
    {
        var correction = await Corrections.CorrectAsync(TestData.Operator, _reward.Id, 20m, "Bonus");

        await Corrections.RejectAsync(TestData.Approver, correction.Id, "No bonus in this programme");

        Assert.Equal((2m, 2m, 2m, 1), await CountedAsync());
        var again = await Assert.ThrowsAsync<ConflictException>(() => Corrections.AcceptAsync(TestData.Approver, correction.Id, null));
        Assert.Equal($"Correction {correction.Id} was already rejected by arthur; a correction is decided once.", again.Message);
    }

    [Fact]
    public async Task AcceptAsync_ByItsAuthor_RefusedAuditedAndStillNotCounted()
    {
        var author = Actor.User(TestData.Operator.Name, Roles.Operator, Roles.Approver);
        var correction = await Corrections.CorrectAsync(author, _reward.Id, 6m, "Missed samples");

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() => Corrections.AcceptAsync(author, correction.Id, null));

        Assert.Equal($"olivia may not accept correction {correction.Id}, which they made themselves.", refusal.Message);
        var refused = Assert.Single(await _host.AuditAsync(AuditOutcome.Refused));
        Assert.Equal((AuditAction.CorrectionAccepted, AuditSubject.RewardEntry, correction.Id.ToString()), (refused.Action, refused.Subject, refused.SubjectId));
        Assert.Equal(2m, (await CountedAsync()).Payable);
    }

    [Fact]
    public async Task AcceptAsync_ASmallCorrection_ConflictNothingToDecide()
    {
        var correction = await Corrections.CorrectAsync(TestData.Operator, _reward.Id, 1m, "Missed samples");

        var refusal = await Assert.ThrowsAsync<ConflictException>(() => Corrections.AcceptAsync(TestData.Approver, correction.Id, null));

        Assert.Contains("counts without an approver's acceptance", refusal.Message);
    }

    [Fact]
    public async Task Decision_UpdateOrDelete_RefusedByTheDatabase()
    {
        var correction = await Corrections.CorrectAsync(TestData.Operator, _reward.Id, 9m, "Missed samples");
        await Corrections.RejectAsync(TestData.Approver, correction.Id, "No");
        await using var db = _host.Db();

        var update = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"CorrectionDecisions\" SET \"Accepted\" = TRUE"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"CorrectionDecisions\""));

        Assert.All([update, delete], e => Assert.Contains("A decision on a correction is final", e.MessageText));
    }
}
