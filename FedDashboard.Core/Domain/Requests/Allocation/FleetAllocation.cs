namespace FedDashboard.Core.Domain.Requests.Allocation;

/// <summary>
/// The master's split of the fleet among the open requests, one terminal at a time: the next goes to the request with the
/// smallest share for its priority's weight (so every request gets one before any gets a second, and the shares approach
/// the weights' ratio), on the edge where it has the least of the edge's available terminals (so each edge is split
/// among the requests as the whole fleet is), never beyond what its terminal group has there. A request stops at what its
/// own settings select; what is left stays idle.
/// </summary>
public static class FleetAllocation
{
    /// <param name="edges">Every edge, in the order the decisions list them.</param>
    /// <param name="claims">The open requests, oldest first: a tie goes to the higher weight, then to the older.</param>
    /// <returns>One decision per claim, in the claims' order.</returns>
    public static IReadOnlyList<AllocationDecision> Decide(IReadOnlyList<EdgeResources> edges, IReadOnlyList<AllocationClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Any(c => c.Wanted < 1)) throw new ArgumentException("A request wants at least one terminal per round.", nameof(claims));

        var free = edges.Select(e => e.Available).ToArray();
        var quotas = claims.Select(_ => new int[edges.Count]).ToArray();
        var given = new int[claims.Count];
        while (NextClaim(claims, given) is { } claim && NextEdge(edges, free, quotas[claim], claims[claim]) is { } edge)
        {
            quotas[claim][edge]++;
            given[claim]++;
            free[edge]--;
        }
        return [.. claims.Select((claim, i) => AllocationReasons.Explain(claim, claims, edges, quotas[i]))];
    }

    private static int? NextClaim(IReadOnlyList<AllocationClaim> claims, int[] given)
    {
        int? next = null;
        for (var i = 0; i < claims.Count; i++)
        {
            if (given[i] >= claims[i].Wanted) continue;
            if (next is not { } j || Compare(given[i], claims[i], given[j], claims[j]) < 0) next = i;
        }
        return next;
    }

    /// <summary>Smaller share per weight first (cross-multiplied, exact); then the higher weight.</summary>
    private static int Compare(int givenA, AllocationClaim a, int givenB, AllocationClaim b)
    {
        var (weightA, weightB) = (a.Priority.Weight(), b.Priority.Weight());
        var byShare = ((long)givenA * weightB).CompareTo((long)givenB * weightA);
        return byShare != 0 ? byShare : weightB.CompareTo(weightA);
    }

    /// <summary>The edge where the request holds the smallest fraction of what is available; then the lighter loaded, then the first.</summary>
    private static int? NextEdge(IReadOnlyList<EdgeResources> edges, int[] free, int[] held, AllocationClaim claim)
    {
        int? next = null;
        for (var e = 0; e < edges.Count; e++)
        {
            if (free[e] > 0 && held[e] < claim.LimitOn(edges[e].EdgeId) && (next is not { } n || Better(e, n))) next = e;
        }
        return next;

        bool Better(int e, int n)
        {
            var byFraction = ((long)held[e] * edges[n].Available).CompareTo((long)held[n] * edges[e].Available);
            return byFraction < 0 || (byFraction == 0 && (edges[e].MeanCpuLoad ?? 0) < (edges[n].MeanCpuLoad ?? 0));
        }
    }
}
