using FedDashboard.Core.Domain.Topology.Coverage;
using System.Buffers;

namespace FedDashboard.Core.Domain.Strategies.Planning;

/// <summary>Chooses a round's participants from the whole fleet's state in one pass.</summary>
public static class RoundPlanner
{
    /// <summary>
    /// Selects <paramref name="count"/> terminals uniformly at random among the eligible ones (online, not busy, in
    /// some edge's coverage, meeting the standard), or all of them when fewer are eligible, and gives each the width of
    /// its <see cref="CapacityScore"/> (1 − load) · speed / fastest eligible speed. While no eligible terminal has a measured speed,
    /// the score is 1 − load; once some have, an unmeasured terminal scores 0 and trains the narrowest model.
    /// </summary>
    /// <remarks>O(N) time; allocates the result and a seeded Random, the list of eligible terminals is pooled. Deterministic for a seed.</remarks>
    public static RoundPlan Plan(TerminalStates terminals, SelectionStandard standard, int count, WidthTiers tiers, int seed)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        var eligible = ArrayPool<int>.Shared.Rent(terminals.Count);
        try
        {
            var (eligibleCount, fastest) = CollectEligible(terminals, standard, eligible);
            var chosen = Math.Min(count, eligibleCount);
            if (chosen < eligibleCount) ShuffleFront(eligible.AsSpan(0, eligibleCount), chosen, new Random(seed));

            var participants = new PlannedTerminal[chosen];
            for (var j = 0; j < chosen; j++)
            {
                var t = eligible[j];
                participants[j] = new PlannedTerminal(t, tiers.WidthFor(CapacityScore.Of(terminals.CpuLoad[t], terminals.TrainingSpeed[t], fastest)));
            }
            return new RoundPlan(participants, eligibleCount);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(eligible);
        }
    }

    private static (int Count, double Fastest) CollectEligible(TerminalStates terminals, SelectionStandard standard, int[] eligible)
    {
        // Absent bounds become bounds every real value meets; NaN meets none, so a garbled reading is never selected.
        var maxLoad = standard.MaxCpuLoad ?? double.PositiveInfinity;
        var minBattery = standard.MinBattery ?? double.NegativeInfinity;
        var minSpeed = standard.MinTrainingSpeed ?? double.NegativeInfinity;
        var edges = terminals.EdgeOfTerminal;
        var online = terminals.Online;
        var busy = terminals.Busy;
        var load = terminals.CpuLoad;
        var battery = terminals.Battery;
        var speed = terminals.TrainingSpeed;

        var count = 0;
        var fastest = 0.0;
        for (var i = 0; i < edges.Length; i++)
        {
            if (edges[i] < 0 || !online[i] || busy[i] || !(load[i] <= maxLoad) || !(battery[i] >= minBattery) || !(speed[i] >= minSpeed)) continue;
            eligible[count++] = i;
            if (speed[i] > fastest) fastest = speed[i];
        }
        return (count, fastest);
    }

    /// <summary>A partial Fisher–Yates shuffle: afterwards the first <paramref name="take"/> items are a uniform sample.</summary>
    private static void ShuffleFront(Span<int> items, int take, Random random)
    {
        for (var j = 0; j < take; j++)
        {
            var k = random.Next(j, items.Length);
            (items[j], items[k]) = (items[k], items[j]);
        }
    }
}
