using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.ServerOptimizers;

/// <summary>
/// A server optimizer (Reddi et al. 2021): treats the round's change, aggregate − start, as a pseudo-gradient and takes
/// its own step from the start model, carrying state (momentum, moments) from round to round. Pure: the state comes in
/// and goes out, so a step recomputed from the same start and state gives the same model, never a second step.
/// </summary>
public interface IServerOptimizer
{
    /// <param name="start">The central model the round started from.</param>
    /// <param name="aggregate">The tier's aggregate of the round, in the same shape; what no result trained equals <paramref name="start"/>.</param>
    /// <param name="state">What the step that made <paramref name="start"/> left; null for the first step (all zeros).</param>
    ServerStep Step(ParameterSet start, ParameterSet aggregate, ParameterSet? state);
}

/// <summary>The next central model and the state the next step starts from.</summary>
public sealed record ServerStep(ParameterSet Model, ParameterSet State);
