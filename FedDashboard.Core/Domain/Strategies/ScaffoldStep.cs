using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Scaffold;
using FedDashboard.Core.Learning.ServerOptimizers;

namespace FedDashboard.Core.Domain.Strategies;

/// <summary>
/// SCAFFOLD's step at the centre (Karimireddy et al. 2020): x ← x + η_g·(combined − x), the FedAvg combination taken
/// η_g of the way, and c ← c + (|S| ∕ N)·mean Δc_i. Each edge brings, per round of the period, the sample-weighted
/// mean of its accepted results' Δc_i; the centre weighs those means by their samples over the part the edge's
/// terminals trained, as it weighs the edges' models, so the mean is the period's sample-weighted mean over every
/// accepted result. |S| counts those results and N is the job's terminals. c is the server state kept with the
/// version, so a rerun after a crash starts from the parent's c and takes the step once.
/// </summary>
/// <param name="fleet">N, the job's terminals.</param>
public sealed class ScaffoldStep(double serverLearningRate, int fleet)
{
    private readonly ServerMomentum _modelStep = new(serverLearningRate, momentum: 0);

    /// <param name="control">The parent's server state, its c; null before the first step (zeros).</param>
    /// <param name="deltas">Each edge's mean Δc_i of a round, weighted by its samples, covering the part its terminals trained.</param>
    /// <param name="participants">|S|, the accepted results behind <paramref name="deltas"/>.</param>
    public CentralModel Step(ParameterSet parent, ParameterSet combined, ParameterSet? control, ModelSpec global, IReadOnlyCollection<TierResult> deltas, int participants)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var c = ControlVariates.ServerOrZeros(control, global);
        var next = deltas.Count == 0 ? c : ControlVariates.NextServer(c, ControlVariates.MeanDelta(global, deltas), participants, fleet);
        return new CentralModel(_modelStep.Step(parent, combined, null).Model, next);
    }
}
