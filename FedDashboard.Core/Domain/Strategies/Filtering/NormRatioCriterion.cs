using FedDashboard.Core.Learning.Anomaly;


namespace FedDashboard.Core.Domain.Strategies.Filtering;

/// <summary>Passes when the round gives nothing to compare with (see <see cref="Learning.UpdateDeviations"/>).</summary>
public sealed class NormRatioCriterion(double max) : ICriterion<ResultEvidence>
{
    public string? Rejects(ResultEvidence result) => result.Deviation.NormRatio is not { } ratio || ratio <= max
        ? null
        : $"Update norm {ratio:0.0}× the round's median (max {max:0.#}×)";
}
