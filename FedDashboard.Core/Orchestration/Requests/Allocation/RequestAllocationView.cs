using FedDashboard.Core.Domain.Requests.Allocation;

namespace FedDashboard.Core.Orchestration.Requests.Allocation;

/// <summary>A request's latest allocation as its page shows it.</summary>
/// <param name="Edges">Every edge with its quota (0 where it is not used) and why.</param>
/// <param name="Reasons">What concerns the request as a whole.</param>
/// <param name="Decisions">How many decisions changed its allocation, this one included.</param>
public sealed record RequestAllocationView(
    DateTimeOffset DecidedAt,
    double DecisionMs,
    IReadOnlyList<EdgeQuota> Edges,
    IReadOnlyList<string> Reasons,
    bool CentralTrainsOwnData,
    int Decisions)
{
    public int Total => Edges.Sum(e => e.Quota);
}
