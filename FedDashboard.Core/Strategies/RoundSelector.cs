using FedDashboard.Core.Options;
using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Strategies.Filtering;
using FedDashboard.Core.Topology;
using FedDashboard.Core.Policies.Edge;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Strategies;

/// <summary>
/// Decides who trains in a round: the round's K split over the edges in proportion to the idle terminals each may
/// select (its evaluation policy may gate them), and each edge selecting its share under the policy it has now.
/// Deterministic for the job's seed and the round number.
/// </summary>
public sealed class RoundSelector(IOptions<FleetOptions> fleet)
{
    /// <param name="edges">Every edge, ordered by id.</param>
    /// <param name="idle">The job's idle terminals, ordered by id.</param>
    /// <param name="reliability">The idle terminals' records of work, for edges whose evaluation gates selection.</param>
    /// <returns>One selection per edge, in the order of <paramref name="edges"/>.</returns>
    public IReadOnlyList<EdgeSelection> Select(
        TrainingJob job, int roundNumber, IReadOnlyList<EdgeServer> edges, IReadOnlyList<Terminal> idle, IReadOnlyDictionary<int, Reliability> reliability, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(idle);

        var seed = job.Settings.Seed * 100_003 + roundNumber;
        var idleByEdge = idle.ToLookup(t => t.EdgeId);
        var candidates = edges.Select(edge => SelectionGate.Admit(edge, [.. idleByEdge[edge.Id]], reliability, now)).ToList();
        var shares = EdgeShares.Split(job.Settings.ParticipantsPerRound(job.FleetSize), [.. candidates.Select(c => c.Count)], new Random(seed));
        return [.. edges.Select((edge, i) =>
            EdgeSelector.Select(edge, AvailabilityOf(edge.Policy), candidates[i], shares[i], fleet.Value.MapSize, seed * 31 + edge.Id))];
    }

    private IAvailability AvailabilityOf(EdgePolicy policy) => policy.Availability switch
    {
        AvailabilityMode.EdgeAsks => new EdgeAsks(fleet.Value),
        AvailabilityMode.TerminalsAsk => new TerminalsAsk(),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy.Availability, "Unknown availability mode."),
    };
}
