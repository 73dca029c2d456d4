using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

public sealed class RoundQueriesTests : IAsyncLifetime
{
    private FedTestHost _host = null!;
    private TrainingJob _job = null!;
    private Round _round = null!;

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        _job = await _host.Get<JobLauncher>().LaunchAsync("queries", TestData.Settings());
        _round = await _host.RunRoundByHandAsync(_job.Id);
        await _host.Get<RoundStarter>().StartNextRoundAsync(_job.Id);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private RoundQueries Queries => new(_host.Get<IDbContextFactory<FedDbContext>>());

    [Fact]
    public async Task ListAsync_TwoRounds_NewestFirstWithCountsAndVersion()
    {
        var rows = await Queries.ListAsync(_job.Id);

        Assert.Equal([2, 1], rows.Select(r => r.Number));
        Assert.Equal((5, 5, 1), (rows[1].Selected, rows[1].Reported, rows[1].VersionNumber!.Value));
        Assert.Equal((RoundPhase.Collecting, 0, (int?)null), (rows[0].Phase, rows[0].Reported, rows[0].VersionNumber));
    }

    [Fact]
    public async Task DetailAsync_CompletedRound_ListsEveryParticipantWithMetrics()
    {
        var detail = await Queries.DetailAsync(_round.Id);

        Assert.NotNull(detail);
        Assert.Equal("queries", detail.JobName);
        Assert.Equal(5, detail.Participants.Count);
        Assert.All(detail.Participants, p =>
        {
            Assert.Equal(ParticipantStatus.Reported, p.Status);
            Assert.Equal((60_000 - FederatedData.ValidationImages) / 20, p.Samples);
            Assert.StartsWith("edge-", p.Edge);
            Assert.NotNull(p.TrainLoss);
        });
    }

    [Fact]
    public async Task DetailAsync_PolicyChangedAfterTheRound_ShowsTheRuleTheRoundAggregatedBy()
    {
        await using (var db = _host.Db())
        {
            var job = await db.TrainingJobs.SingleAsync(j => j.Id == _job.Id);
            job.ChangePolicy(job.Policy with { Aggregation = new AggregationPolicy { Rule = AggregationRule.CoordinateMedian } }, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var detail = await Queries.DetailAsync(_round.Id);

        Assert.Equal(AggregationRule.FedAvg, detail!.Aggregation!.Rule);
    }

    [Fact]
    public async Task DetailAsync_CollectingRound_HasNoAggregationRule()
    {
        var collecting = (await Queries.ListAsync(_job.Id))[0];

        var detail = await Queries.DetailAsync(collecting.Id);

        Assert.Null(detail!.Aggregation);
    }

    [Fact]
    public async Task DetailAsync_UnknownRound_ReturnsNull()
    {
        Assert.Null(await Queries.DetailAsync(999_999));
    }
}
