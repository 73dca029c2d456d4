using FedDashboard.Core.Domain.Requests.Allocation;
using FedDashboard.Core.Domain.Topology;

namespace FedDashboard.Tests.Core.Requests.Allocation;

public sealed class QuotaCandidatesTests
{
    private static Terminal On(int edgeId, string name, double load = 0.1)
    {
        var terminal = new Terminal(name, 0, TerminalType.Phone, HardwareTier.Mid, 0, 0);
        terminal.MoveTo(0, 0, edgeId);
        terminal.ReportTelemetry(load, 0.9, 1024, online: true, DateTimeOffset.UnixEpoch);
        return terminal;
    }

    private static AllocationDecision Quotas(params (int Edge, int Quota)[] quotas) =>
        new(1, [.. quotas.Select(q => new EdgeQuota(q.Edge, $"edge-{q.Edge}", q.Quota, "test"))], [], false);

    [Fact]
    public void Restrict_QuotaOnEachEdge_AtMostThatManyAndNoneElsewhere()
    {
        Terminal[] idle = [On(1, "a"), On(1, "b"), On(1, "c"), On(2, "d"), On(3, "e")];

        var candidates = QuotaCandidates.Restrict(idle, Quotas((1, 2), (2, 1), (3, 0)), _ => true);

        Assert.Equal(["a", "b", "d"], candidates.Select(t => t.Name));
    }

    [Fact]
    public void Restrict_SomeWouldDecline_ReadyOnesFirstThenTheLessLoaded()
    {
        Terminal[] idle = [On(1, "busy", load: 0.95), On(1, "loaded", load: 0.6), On(1, "light", load: 0.2)];

        var candidates = QuotaCandidates.Restrict(idle, Quotas((1, 2)), t => t.CpuLoad < 0.85);

        Assert.Equal(["light", "loaded"], candidates.Select(t => t.Name).Order());
    }
}
