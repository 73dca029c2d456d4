using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies.Planning;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>
/// Selects an edge's share of a round under its policy: the planner filters the candidates by the
/// policy's standard and gives each a width; the edge asks them in random order until it has its share.
/// </summary>
public static class EdgeSelector
{
    private static readonly WidthTiers FullModelOnly = new([new(0, 1.0)]);

    public static EdgeSelection Select(EdgeServer edge, IAvailability availability, IReadOnlyList<Terminal> idle, int share, double mapSize, int seed)
    {
        ArgumentNullException.ThrowIfNull(edge);
        ArgumentNullException.ThrowIfNull(availability);
        ArgumentNullException.ThrowIfNull(idle);
        ArgumentOutOfRangeException.ThrowIfNegative(share);

        var policy = edge.Policy;
        var pool = idle.Where(availability.IsCandidate).ToArray();
        // Asked for every eligible terminal the planner keeps its input order, so shuffling first makes that the asking order.
        new Random(seed).Shuffle(pool);
        var tiers = policy.Selection == SelectionMode.Tiered ? policy.WidthTiers : FullModelOnly;
        var plan = RoundPlanner.Plan(StatesOf(pool), policy.Standard, pool.Length, tiers, seed);

        var assigned = new List<Assignment>(share);
        var declined = new List<Decline>();
        foreach (var planned in plan.Participants)
        {
            if (assigned.Count == share) break;
            var terminal = pool[planned.Terminal];
            if (availability.DeclineReason(terminal) is { } reason)
            {
                declined.Add(new Decline(terminal, reason));
                continue;
            }
            var group = TerminalGroups.GroupOf(policy.Groups, terminal, mapSize);
            assigned.Add(new Assignment(terminal, group?.Width ?? planned.Width, group?.Name));
        }
        return new EdgeSelection(edge, assigned, declined) { Eligible = plan.Eligible };
    }

    /// <summary>How many of the idle terminals the edge may ask meet its policy's standard.</summary>
    public static int Eligible(EdgeServer edge, IAvailability availability, IReadOnlyList<Terminal> idle)
    {
        ArgumentNullException.ThrowIfNull(edge);
        ArgumentNullException.ThrowIfNull(availability);
        ArgumentNullException.ThrowIfNull(idle);
        return RoundPlanner.Plan(StatesOf([.. idle.Where(availability.IsCandidate)]), edge.Policy.Standard, 0, FullModelOnly, 0).Eligible;
    }

    // Every candidate is idle, online and in this edge's coverage already; the planner only weighs load, battery and speed.
    private static TerminalStates StatesOf(Terminal[] pool) => new(
        new int[pool.Length],
        Enumerable.Repeat(true, pool.Length).ToArray(),
        pool.Select(t => t.CpuLoad).ToArray(),
        pool.Select(t => t.Battery).ToArray(),
        pool.Select(t => t.TrainingSamplesPerSecond).ToArray(),
        new bool[pool.Length]);
}
