using FedDashboard.Core.Learning.Aggregation;


namespace FedDashboard.Core.Domain.Policies.Job;

/// <summary>How an edge combines its terminals' results, and the centre its edges' models.</summary>
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
}
