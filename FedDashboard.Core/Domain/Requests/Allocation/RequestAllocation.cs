namespace FedDashboard.Core.Domain.Requests.Allocation;

/// <summary>
/// A decision the master took for a request, as kept: a new one is kept only when it allocates differently, so the
/// history lists the changes.
/// </summary>
public sealed class RequestAllocation
{
    private RequestAllocation()
    {
        Edges = [];
        Reasons = [];
    }

    /// <param name="decisionMs">How long deriving it took: reading the fleet's resources and splitting them.</param>
    public RequestAllocation(AllocationDecision decision, DateTimeOffset decidedAt, double decisionMs)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentOutOfRangeException.ThrowIfNegative(decisionMs);
        RequestId = decision.RequestId;
        DecidedAt = decidedAt;
        DecisionMs = decisionMs;
        Edges = decision.Edges;
        Reasons = decision.Reasons;
        CentralTrainsOwnData = decision.CentralTrainsOwnData;
    }

    public int Id { get; private set; }
    public int RequestId { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
    public double DecisionMs { get; private set; }

    /// <summary>Every edge, with its quota (0 where the request is not carried) and why.</summary>
    public IReadOnlyList<EdgeQuota> Edges { get; private set; }

    public IReadOnlyList<string> Reasons { get; private set; }

    /// <summary>Its quotas add up to fewer terminals than its settings select per round: the central server may make up with its own data.</summary>
    public bool CentralTrainsOwnData { get; private set; }

    public int Total => Edges.Sum(e => e.Quota);

    public bool SameAs(AllocationDecision decision) => decision.Allocates(Edges, CentralTrainsOwnData);
}
