using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>The real RoundStarter on a 20-terminal fleet (5 edges) under edge policies; a round selects K = 5 unless told.</summary>
public sealed class EdgePolicyRoundStartTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(TrainingJob Job, Round Round)> StartFirstRoundAsync(TrainingSettings? settings = null)
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", settings ?? TestData.Settings());
        return (job, await _host.StartRoundByHandAsync(job.Id));
    }

    private static RoundParticipant Of(Round round, int terminalId) => round.Participants.Single(p => p.TerminalId == terminalId);

    [Fact]
    public async Task StartNextRound_TieredPolicy_LoadedTerminalNarrowTierStrongTerminalFullModel()
    {
        await _host.SetPolicyAsync(0, new EdgePolicy { Selection = SelectionMode.Tiered });
        var ids = await _host.KeepOnlyAsync(TestData.Terminal(load: 0.8), TestData.Terminal(load: 0.05));

        var (_, round) = await StartFirstRoundAsync();

        Assert.Equal(0.25, Of(round, ids[0]).Work.Width);
        Assert.Equal("width 0.25", Of(round, ids[0]).Assignment.ModelVariant);
        Assert.Equal(1, Of(round, ids[1]).Work.Width);
        Assert.Equal("full", Of(round, ids[1]).Assignment.ModelVariant);
        Assert.Single(round.Participants.Select(p => p.Assignment.BaseModelHash).Distinct());
    }

    [Fact]
    public async Task StartNextRound_EdgeAsksTerminalAboveDeclineLoad_RecordedDeclinedWithReasonNeverAssigned()
    {
        var ids = await _host.KeepOnlyAsync(TestData.Terminal(load: 0.9), TestData.Terminal(load: 0.1), TestData.Terminal(load: 0.2));

        var (_, round) = await StartFirstRoundAsync();

        var busy = Of(round, ids[0]);
        Assert.Equal(ParticipantStatus.Declined, busy.Status);
        Assert.StartsWith("Busy", busy.FailureReason);
        Assert.Equal([ids[1], ids[2]], round.Participants.Where(p => p.Status == ParticipantStatus.Assigned).Select(p => p.TerminalId).Order());
    }

    [Fact]
    public async Task StartNextRound_EdgeAsksShareReached_RecordsOnlyTheTerminalsItAsked()
    {
        await _host.KeepOnlyAsync(TestData.Terminal(load: 0.9), TestData.Terminal(), TestData.Terminal(), TestData.Terminal());

        var (_, round) = await StartFirstRoundAsync(TestData.Settings(clientFraction: 0.05));

        Assert.Single(round.Participants, p => p.Status == ParticipantStatus.Assigned);
        Assert.InRange(round.Participants.Count, 1, 2);
    }

    [Fact]
    public async Task StartNextRound_TerminalsAsk_OnlyTheRequesterAssignedAndItsRequestWithdrawn()
    {
        await _host.SetPolicyAsync(0, new EdgePolicy { Availability = AvailabilityMode.TerminalsAsk });
        var ids = await _host.KeepOnlyAsync(TestData.Terminal(requestsWork: true), TestData.Terminal(), TestData.Terminal());

        var (_, round) = await StartFirstRoundAsync();

        var participant = Assert.Single(round.Participants);
        Assert.Equal(ids[0], participant.TerminalId);
        Assert.Equal(ParticipantStatus.Assigned, participant.Status);
        await using var db = _host.Db();
        Assert.Null((await db.Terminals.SingleAsync(t => t.Id == ids[0])).WorkRequestedAt);
    }

    [Fact]
    public async Task StartNextRound_StandardPolicyMinBattery_TerminalBelowItIsNeitherAskedNorAssigned()
    {
        await _host.SetPolicyAsync(0, new EdgePolicy { Selection = SelectionMode.Standard, MinBattery = 0.5 });
        var ids = await _host.KeepOnlyAsync(TestData.Terminal(battery: 0.3), TestData.Terminal(battery: 0.9));

        var (_, round) = await StartFirstRoundAsync();

        var participant = Assert.Single(round.Participants);
        Assert.Equal(ids[1], participant.TerminalId);
        Assert.Equal(1, participant.Work.Width);
    }

    [Fact]
    public async Task StartNextRound_EvaluationAppliedAtSelection_TerminalWithTooLittleDataNeitherAskedNorAssigned()
    {
        await _host.SetPolicyAsync(0, new EdgePolicy { Evaluation = new() { MinDataSamples = 500, ApplyAtSelection = true } });
        var ids = await _host.KeepOnlyAsync(TestData.Terminal(samples: 100), TestData.Terminal(samples: 3000));

        var (_, round) = await StartFirstRoundAsync();

        Assert.Equal(ids[1], Assert.Single(round.Participants).TerminalId);
    }

    [Fact]
    public async Task StartNextRound_EvaluationAppliedAtSelection_TerminalWithStaleDataNeitherAskedNorAssigned()
    {
        await _host.SetPolicyAsync(0, new EdgePolicy { Evaluation = new() { MaxDataAgeHours = 24, ApplyAtSelection = true } });
        var ids = await _host.KeepOnlyAsync(TestData.Terminal(dataAgeHours: 30), TestData.Terminal(dataAgeHours: 2));

        var (_, round) = await StartFirstRoundAsync();

        Assert.Equal(ids[1], Assert.Single(round.Participants).TerminalId);
    }

    [Fact]
    public async Task StartNextRound_EvaluationOnlyAfterTraining_TerminalWithTooLittleDataStillAssigned()
    {
        await _host.SetPolicyAsync(0, new EdgePolicy { Evaluation = new() { MinDataSamples = 500 } });
        var ids = await _host.KeepOnlyAsync(TestData.Terminal(samples: 100), TestData.Terminal(samples: 3000));

        var (_, round) = await StartFirstRoundAsync();

        Assert.Equal(ids, round.Participants.Select(p => p.TerminalId).Order());
    }

    [Fact]
    public async Task StartNextRound_GroupRuleWithWidth_GroupTrainsItsOwnWidthOthersTheFullModel()
    {
        await _host.SetPolicyAsync(0, new EdgePolicy { Groups = [new GroupRule("busy", GroupField.LoadBand, "Medium", Width: 0.5)] });
        var ids = await _host.KeepOnlyAsync(TestData.Terminal(load: 0.5), TestData.Terminal(load: 0.1));

        var (_, round) = await StartFirstRoundAsync();

        var grouped = Of(round, ids[0]);
        Assert.Equal((0.5, "busy", "width 0.50 · busy"), (grouped.Work.Width, grouped.Assignment.Group, grouped.Assignment.ModelVariant));
        var other = Of(round, ids[1]);
        Assert.Equal((1.0, null, "full"), (other.Work.Width, other.Assignment.Group, other.Assignment.ModelVariant));
    }

    [Fact]
    public async Task StartNextRound_PolicyChangedDuringRound_AppliesFromTheNextRound()
    {
        await _host.SetPolicyAsync(0, new EdgePolicy { Selection = SelectionMode.Tiered });
        var ids = await _host.KeepOnlyAsync(TestData.Terminal(load: 0.8));
        var (job, round1) = await StartFirstRoundAsync();

        await _host.SetPolicyAsync(0, EdgePolicy.Default);
        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);
        await EndWithoutResultsAsync(round1);
        var round2 = await _host.StartRoundByHandAsync(job.Id);

        await using var db = _host.Db();
        Assert.Equal(0.25, (await db.RoundParticipants.SingleAsync(p => p.RoundId == round1.Id)).Work.Width);
        Assert.Equal(2, round2.Number);
        Assert.Equal(1, Of(round2, ids[0]).Work.Width);
    }

    [Fact]
    public async Task StartNextRound_PerTerminalSegmentation_LayersRotateInSelectionOrder()
    {
        var (_, round) = await StartFirstRoundAsync(TestData.Settings() with { Segmentation = Segmentation.PerTerminal });

        // One terminal per edge; participant i of round 1 trains layer (i + 1) mod 3.
        Assert.Equal(["fc2", "fc3", "fc1", "fc2", "fc3"], round.Participants.OrderBy(p => p.EdgeId).Select(p => p.Assignment.Segment));
    }

    [Fact]
    public async Task StartNextRound_PerEdgeSegmentation_AllOfAnEdgeTrainTheEdgesLayer()
    {
        var (_, round) = await StartFirstRoundAsync(TestData.Settings(clientFraction: 0.5) with { Segmentation = Segmentation.PerEdge });

        // Two terminals per edge; edge i of round 1 trains layer (i + 1) mod 3.
        var byEdge = round.Participants.GroupBy(p => p.EdgeId).OrderBy(g => g.Key).Select(g => g.Select(p => p.Assignment.Segment).Distinct().Single());
        Assert.Equal(["fc2", "fc3", "fc1", "fc2", "fc3"], byEdge);
        Assert.Equal(10, round.Participants.Count);
    }

    [Fact]
    public async Task StartNextRound_ShareData_GrantsOnlyAnonymizedRecentDataUnderTheUsesAndSizeLimits()
    {
        // Donors carry load 0.7 so the edge's standard (load at most 0.5) never selects them; the two recipients hold private data.
        await _host.SetPolicyAsync(0, new EdgePolicy { Selection = SelectionMode.Standard, MaxCpuLoad = 0.5 });
        var ids = await _host.KeepOnlyAsync(
            TestData.Terminal(anonymized: false),
            TestData.Terminal(anonymized: false),
            TestData.Terminal(load: 0.7),
            TestData.Terminal(load: 0.7, anonymized: false),
            TestData.Terminal(load: 0.7, dataAgeHours: 30),
            TestData.Terminal(load: 0.7, samples: 10));
        var settings = TestData.Settings(clientFraction: 0.1) with
        {
            DataSource = DataSource.Edge, ShareData = true, ShareMaxSamples = 100, ShareMaxAgeHours = 24, ShareMaxUses = 1,
        };

        var (_, round) = await StartFirstRoundAsync(settings);

        await using var db = _host.Db();
        var grants = await db.SharedDataGrants.Where(g => round.Participants.Select(p => p.Id).Contains(g.ParticipantId)).ToListAsync();
        // A slice is 100 / 4 = 25 samples; the small donor gives the 10 it holds; each donor may be used once.
        Assert.Equal([(ids[2], 25), (ids[5], 10)], grants.Select(g => (g.DonorTerminalId, g.Samples)).Order());
        Assert.Equal([ids[0], ids[1]], round.Participants.Select(p => p.TerminalId).Order());
        Assert.All(round.Participants, p => Assert.Equal(grants.Where(g => g.ParticipantId == p.Id).Sum(g => g.Samples), p.Assignment.SharedSamples));
        Assert.All(round.Participants, p => Assert.Equal(DataSource.Edge, p.Assignment.DataSource));
    }

    private async Task EndWithoutResultsAsync(Round round)
    {
        await using (var db = _host.Db())
        {
            foreach (var participant in await db.RoundParticipants.Where(p => p.RoundId == round.Id).ToListAsync())
                participant.Fail("ended by the test", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await _host.Get<RoundAggregator>().AggregateAsync(round.Id);
    }
}
