namespace FedDashboard.Core.Domain.Policies.Job;

/// <summary>
/// The job's federated algorithm: how an edge combines its terminals' results, how the centre combines its edges'
/// models, and what the terminals add to their local training.
/// </summary>
public enum AggregationRule
{
    /// <summary>Average weighted by samples.</summary>
    FedAvg,

    /// <summary>Each parameter's median over the results.</summary>
    CoordinateMedian,

    /// <summary>Each parameter's mean after dropping the highest and lowest values.</summary>
    TrimmedMean,

    /// <summary>FedAvg after shrinking each update whose norm exceeds a multiple of the round's median norm.</summary>
    NormClipping,

    /// <summary>FedAvg at the edges; the centre takes a momentum step on the round's change.</summary>
    FedAvgM,

    /// <summary>FedAvg at the edges; the centre takes an Adam step on the round's change.</summary>
    FedAdam,

    /// <summary>FedAvg, with a proximal term pulling each terminal's training towards the model it was given.</summary>
    FedProx,

    /// <summary>The result (or the m results) closest to its neighbours, tolerating f attackers.</summary>
    Krum,
}
