using FedDashboard.Core.Learning.Anomaly;


namespace FedDashboard.Core.Domain.Strategies.Filtering;

/// <summary>Passes when the round gives nothing to compare with (see <see cref="Learning.UpdateDeviations"/>).</summary>
public sealed class DirectionCriterion(double minCosine) : ICriterion<ResultEvidence>
{
    public string? Rejects(ResultEvidence result) => result.Deviation.Cosine is not { } cosine || cosine >= minCosine
        ? null
        : $"Update direction at cosine {cosine:0.00} to the round's median update, below the edge's minimum {minCosine:0.00}";
}
