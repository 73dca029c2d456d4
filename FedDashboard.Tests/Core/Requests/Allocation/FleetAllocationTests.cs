using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Requests.Allocation;

namespace FedDashboard.Tests.Core.Requests.Allocation;

public sealed class FleetAllocationTests
{
    private static EdgeResources Edge(int id, int available, int trainingForOthers = 0, int declining = 0, double load = 0.3) =>
        new(id, $"edge-{id}", available + trainingForOthers + declining, trainingForOthers, declining, available + trainingForOthers + declining == 0 ? null : load);

    private static AllocationClaim Claim(int requestId, RequestPriority priority = RequestPriority.Normal, int wanted = 4) => new(requestId, priority, wanted);

    [Fact]
    public void Decide_HighBesideLowOnAContendedEdge_SplitsFourToOne()
    {
        var decisions = FleetAllocation.Decide([Edge(1, available: 10)], [Claim(1, RequestPriority.High, wanted: 100), Claim(2, RequestPriority.Low, wanted: 100)]);

        Assert.Equal([8, 2], decisions.Select(d => d.Total));
    }

    [Fact]
    public void Decide_SingleRequest_GetsItsFullParticipantsPerRoundSpreadOverTheEdges()
    {
        var decision = Assert.Single(FleetAllocation.Decide([Edge(1, 10), Edge(2, 10), Edge(3, 10), Edge(4, 10)], [Claim(1, wanted: 4)]));

        Assert.Equal([1, 1, 1, 1], decision.Edges.Select(e => e.Quota));
        Assert.False(decision.CentralTrainsOwnData);
        Assert.Contains("Its settings select 4 terminals per round; given 4.", decision.Reasons);
    }

    [Fact]
    public void Decide_RequestRestrictedToAGroup_QuotasOnlyWhereTheGroupHasTerminalsAndNoMore()
    {
        var restricted = new AllocationClaim(1, RequestPriority.Normal, 4, new Dictionary<int, int> { [1] = 0, [2] = 1 });

        var decision = Assert.Single(FleetAllocation.Decide([Edge(1, 10), Edge(2, 10), Edge(3, 10)], [restricted]));

        Assert.Equal([0, 1, 0], decision.Edges.Select(e => e.Quota));
        Assert.Contains("Only its terminal group's terminals count: 1 of the available ones are in it.", decision.Reasons);
    }

    [Fact]
    public void Decide_EdgeWithNoTerminalInCoverage_NotUsed()
    {
        var decision = Assert.Single(FleetAllocation.Decide([Edge(1, 10), Edge(2, 0)], [Claim(1, wanted: 6)]));

        var unused = decision.Edges.Single(e => e.EdgeId == 2);
        Assert.Equal((0, "no terminal in coverage — not used"), (unused.Quota, unused.Reason));
        Assert.Equal(6, decision.QuotaOn(1));
    }

    [Fact]
    public void Decide_MoreRequestsThanAHighOneWouldLeave_EveryRequestGetsOne()
    {
        var decisions = FleetAllocation.Decide([Edge(1, 2), Edge(2, 1)],
            [Claim(1, RequestPriority.High, wanted: 10), Claim(2, RequestPriority.Low, wanted: 10), Claim(3, RequestPriority.Low, wanted: 10)]);

        Assert.Equal([1, 1, 1], decisions.Select(d => d.Total));
    }

    [Fact]
    public void Decide_CappedRequest_LeavesTheRestToTheOthers()
    {
        var decisions = FleetAllocation.Decide([Edge(1, 12)], [Claim(1, RequestPriority.High, wanted: 2), Claim(2, RequestPriority.Low, wanted: 8)]);

        Assert.Equal([2, 8], decisions.Select(d => d.Total));
    }

    [Fact]
    public void Decide_TerminalsTrainingForOtherJobsOrTooLoaded_NotShared()
    {
        var decision = Assert.Single(FleetAllocation.Decide([Edge(1, available: 2, trainingForOthers: 5, declining: 3)], [Claim(1, wanted: 4)]));

        Assert.Equal(2, decision.Total);
        Assert.Equal("2 of 10 terminals in coverage available, 5 training for other jobs, 3 too loaded or low on battery, mean CPU load 0.30 — given 2 per round",
            decision.Edges[0].Reason);
    }

    [Fact]
    public void Decide_FewerTerminalsThanItsSettingsSelect_CentralServerTrainsOnItsOwnData()
    {
        var decision = Assert.Single(FleetAllocation.Decide([Edge(1, 3)], [Claim(1, wanted: 4)]));

        Assert.True(decision.CentralTrainsOwnData);
        Assert.Contains(decision.Reasons, r => r.StartsWith("Too few terminals: 3 of the 4 per round", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_NoTerminalAvailable_GivesNone()
    {
        var decision = Assert.Single(FleetAllocation.Decide([Edge(1, available: 0, trainingForOthers: 4)], [Claim(1)]));

        Assert.Equal(0, decision.Total);
        Assert.Equal("all 4 terminals in coverage train for other jobs — not used", decision.Edges[0].Reason);
    }

    [Fact]
    public void Allocates_SameQuotasOtherReasons_SameDecision()
    {
        var before = Assert.Single(FleetAllocation.Decide([Edge(1, 10, load: 0.2)], [Claim(1)]));
        var after = Assert.Single(FleetAllocation.Decide([Edge(1, 10, load: 0.7)], [Claim(1)]));

        Assert.NotEqual(before.Edges[0].Reason, after.Edges[0].Reason);
        Assert.True(after.Allocates(before.Edges, before.CentralTrainsOwnData));
    }

    [Fact]
    public void Allocates_OtherQuotas_NewDecision()
    {
        var before = Assert.Single(FleetAllocation.Decide([Edge(1, 10)], [Claim(1)]));
        var after = FleetAllocation.Decide([Edge(1, 10)], [Claim(1), Claim(2, RequestPriority.High, wanted: 10)])[0];

        Assert.False(after.Allocates(before.Edges, before.CentralTrainsOwnData));
    }
}
