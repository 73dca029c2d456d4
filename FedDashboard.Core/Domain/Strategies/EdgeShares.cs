namespace FedDashboard.Core.Domain.Strategies;

/// <summary>How many of a round's participants each edge selects: in proportion to its idle terminals.</summary>
public static class EdgeShares
{
    /// <summary>
    /// Largest-remainder split of <paramref name="total"/> (at most every idle terminal) over the edges; ties for a
    /// remaining seat go in the seeded random order, so no edge is favoured round after round.
    /// </summary>
    /// <returns>One share per edge, in the order of <paramref name="idleByEdge"/>; no share exceeds its edge's idle count.</returns>
    public static int[] Split(int total, IReadOnlyList<int> idleByEdge, Random random)
    {
        ArgumentNullException.ThrowIfNull(idleByEdge);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (idleByEdge.Any(count => count < 0)) throw new ArgumentException("An edge cannot have fewer than 0 idle terminals.", nameof(idleByEdge));

        var idle = idleByEdge.Sum(count => (long)count);
        var seats = Math.Min(total, idle);
        var shares = new int[idleByEdge.Count];
        if (seats == 0) return shares;

        // Integer quotas keep the split exact; every remainder seat goes to an edge with a fractional quota, so below its idle count.
        var remainders = new long[shares.Length];
        for (var i = 0; i < shares.Length; i++)
        {
            var quota = seats * idleByEdge[i];
            shares[i] = (int)(quota / idle);
            remainders[i] = quota % idle;
        }
        var order = Enumerable.Range(0, shares.Length).ToArray();
        random.Shuffle(order);
        var left = (int)(seats - shares.Sum());
        foreach (var i in order.OrderByDescending(i => remainders[i]).Take(left)) shares[i]++;
        return shares;
    }
}
