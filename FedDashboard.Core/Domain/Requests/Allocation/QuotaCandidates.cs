using FedDashboard.Core.Domain.Topology;

namespace FedDashboard.Core.Domain.Requests.Allocation;

/// <summary>The idle terminals a request's job may choose from in a round: on its edges only, and at most its quota on each.</summary>
public static class QuotaCandidates
{
    /// <param name="ready">Whether a terminal would train if asked now; ready ones go first, then the less loaded.</param>
    /// <returns>Ordered by id, as the strategy expects its candidates.</returns>
    public static IReadOnlyList<Terminal> Restrict(IReadOnlyList<Terminal> idle, AllocationDecision decision, Func<Terminal, bool> ready)
    {
        ArgumentNullException.ThrowIfNull(idle);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(ready);
        return [.. idle
            .Where(t => t.EdgeId is not null)
            .GroupBy(t => t.EdgeId!.Value)
            .SelectMany(edge => edge.OrderByDescending(ready).ThenBy(t => t.CpuLoad).ThenBy(t => t.Id).Take(decision.QuotaOn(edge.Key)))
            .OrderBy(t => t.Id)];
    }
}
