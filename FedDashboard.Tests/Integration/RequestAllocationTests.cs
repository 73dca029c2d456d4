using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Core.Orchestration.Requests.Allocation;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// The master's allocation on PostgreSQL, rounds started by hand: decisions kept when they change, a request's round
/// choosing only within its quotas, and its budget checked before each round.
/// </summary>
public sealed class RequestAllocationTests : IAsyncLifetime
{
    private FedTestHost _host = null!;
    private ClientApplication _client = null!;

    private TrainingRequests Requests => _host.Get<TrainingRequests>();
    private RequestAllocations Allocations => _host.Get<RequestAllocations>();

    public async Task InitializeAsync()
    {
        // Every request wants the whole fleet each round (C = 1), so two requests contend for every edge.
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 40,
            settings: new Dictionary<string, string?> { ["Fed:DefaultJob:Settings:ClientFraction"] = "1" });
        _client = await _host.Get<ClientRegistry>().RegisterAsync(TestClients.Administrator, TestClients.Details(spendingLimit: 1000m));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<TrainingRequestView> SubmitAsync(string key, string? priority = null, decimal maxSpend = 100m) =>
        Requests.SubmitAsync(_client.Id, key, TestRequests.Submission(DateTimeOffset.UtcNow.AddHours(1), targetAccuracy: 0.999, maxSpend: maxSpend, priority: priority));

    private async Task<List<RoundParticipant>> AssignedAsync(int roundId)
    {
        await using var db = _host.Db();
        return await db.RoundParticipants.AsNoTracking().Where(p => p.RoundId == roundId && p.Status == ParticipantStatus.Assigned).ToListAsync();
    }

    [Fact]
    public async Task SubmitAsync_HighBesideLow_KeepsDecisionsSplittingTheFleetFourToOne()
    {
        var low = await SubmitAsync("order-low", priority: "Low");
        var high = await SubmitAsync("order-high", priority: "High");

        var lowShare = (await Allocations.LatestAsync(low.Request.Id))!;
        var highShare = (await Allocations.LatestAsync(high.Request.Id))!;
        Assert.True(lowShare.Total >= 1, "the low request starves");
        Assert.InRange(highShare.Total, 4 * lowShare.Total - 4, 4 * lowShare.Total + 4);
        Assert.Equal((2, 1), (lowShare.Decisions, highShare.Decisions));
        Assert.Contains(highShare.Reasons, r => r.StartsWith("Priority High (weight 4 of 5) beside 1 other open request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartNextRound_TwoRequests_EachChoosesOnlyWithinItsQuotasAndNoTerminalTwice()
    {
        var first = await SubmitAsync("order-1");
        var second = await SubmitAsync("order-2");

        var firstRound = await _host.StartRoundByHandAsync(first.Request.JobId!.Value);
        var secondRound = await _host.StartRoundByHandAsync(second.Request.JobId!.Value);

        foreach (var (request, round) in new[] { (first, firstRound), (second, secondRound) })
        {
            var share = (await Allocations.LatestAsync(request.Request.Id))!;
            var assigned = await AssignedAsync(round.Id);
            Assert.NotEmpty(assigned);
            Assert.All(assigned.GroupBy(p => p.EdgeId), edge => Assert.True(edge.Count() <= share.Edges.Single(e => e.EdgeId == edge.Key).Quota,
                $"request {request.Request.Id} took {edge.Count()} terminals of edge {edge.Key}"));
        }
        Assert.Empty((await AssignedAsync(firstRound.Id)).Select(p => p.TerminalId).Intersect((await AssignedAsync(secondRound.Id)).Select(p => p.TerminalId)));
    }

    [Fact]
    public async Task StartNextRound_AllocationUnchanged_KeepsNoNewDecision()
    {
        var submitted = await SubmitAsync("order-1");

        await _host.StartRoundByHandAsync(submitted.Request.JobId!.Value);

        Assert.Equal(1, (await Allocations.LatestAsync(submitted.Request.Id))!.Decisions);
    }

    [Fact]
    public async Task StartNextRound_RemainingSpendCannotPayARound_NoRoundAndFailedOnItsBudget()
    {
        // A round of all 40 terminals is estimated at 40 × 0.10; once the first round's rewards pass 0.50, what is left pays no other.
        var submitted = await SubmitAsync("order-1", maxSpend: 4.5m);
        var jobId = submitted.Request.JobId!.Value;
        await _host.RunRoundByHandAsync(jobId);

        await _host.Get<RoundStarter>().StartNextRoundAsync(jobId);

        await using var db = _host.Db();
        var request = await db.TrainingRequests.AsNoTracking().SingleAsync(r => r.Id == submitted.Request.Id);
        Assert.Equal((TrainingRequestStatus.Failed, RequestEndCondition.Budget), (request.Status, request.EndCondition));
        Assert.Equal((JobStatus.Aborted, 1), ((await db.TrainingJobs.SingleAsync(j => j.Id == jobId)).Status, await db.Rounds.CountAsync(r => r.JobId == jobId)));
    }
}
