using FedDashboard.Core.Domain.Strategies.Planning;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Core.Domain.Strategies.Filtering;

/// <summary>
/// An edge whose evaluation policy applies at selection considers only the idle terminals that meet its bounds
/// known before training, so it collects results only from them. Capacity is scored against the fastest of them.
/// </summary>
public static class SelectionGate
{
    /// <param name="idle">The edge's idle terminals, in order; those admitted keep it.</param>
    /// <param name="reliability">Records of work by terminal id; a terminal without one has none yet.</param>
    public static IReadOnlyList<Terminal> Admit(EdgeServer edge, IReadOnlyList<Terminal> idle, IReadOnlyDictionary<int, Reliability> reliability, DateTimeOffset now)
    {
        var evaluation = edge.Policy.Evaluation;
        if (!evaluation.ApplyAtSelection) return idle;
        var filter = new ResultFilter(evaluation);
        var fastest = idle.Select(t => t.TrainingSamplesPerSecond).DefaultIfEmpty(0).Max();
        return [.. idle.Where(t => filter.Rejects(new TerminalEvidence(t, edge, reliability.GetValueOrDefault(t.Id, Reliability.NoWork),
            CapacityScore.Of(t.CpuLoad, t.TrainingSamplesPerSecond, fastest), t.DataSamples, now)) is null)];
    }
}
