namespace FedDashboard.Core.Domain.Requests.Allocation;

/// <summary>The master's decision for one request: its quota on every edge (0 where it is not carried) and why.</summary>
/// <param name="Reasons">What concerns the request as a whole; each edge's reason is on its quota.</param>
/// <param name="CentralTrainsOwnData">Its quotas add up to fewer terminals than its settings select per round.</param>
public sealed record AllocationDecision(int RequestId, IReadOnlyList<EdgeQuota> Edges, IReadOnlyList<string> Reasons, bool CentralTrainsOwnData)
{
    public int Total => Edges.Sum(e => e.Quota);

    public int QuotaOn(int edgeId) => Edges.FirstOrDefault(e => e.EdgeId == edgeId)?.Quota ?? 0;

    /// <summary>Whether both give the same terminals: the reasons may differ (loads move) without the decision changing.</summary>
    public bool Allocates(IReadOnlyList<EdgeQuota> edges, bool centralTrainsOwnData) =>
        CentralTrainsOwnData == centralTrainsOwnData && Carrying(Edges).SequenceEqual(Carrying(edges));

    private static IEnumerable<(int, int)> Carrying(IReadOnlyList<EdgeQuota> edges) =>
        edges.Where(e => e.Quota > 0).Select(e => (e.EdgeId, e.Quota)).Order();
}
