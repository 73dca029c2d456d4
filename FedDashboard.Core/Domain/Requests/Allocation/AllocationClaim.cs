namespace FedDashboard.Core.Domain.Requests.Allocation;

/// <summary>An open request asking for its share of the fleet.</summary>
/// <param name="Wanted">C·K, the participants its job's own settings select per round: it is never given more.</param>
/// <param name="EdgeLimits">
/// For a request restricted to a terminal group: per edge id, how many of the edge's available terminals are in the
/// group (an edge not listed has none); null when any terminal will do.
/// </param>
public sealed record AllocationClaim(int RequestId, RequestPriority Priority, int Wanted, IReadOnlyDictionary<int, int>? EdgeLimits = null)
{
    public int LimitOn(int edgeId) => EdgeLimits is null ? int.MaxValue : EdgeLimits.GetValueOrDefault(edgeId);
}
