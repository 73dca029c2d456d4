namespace FedDashboard.Core.Domain.Strategies.Filtering;

public sealed class ValidationAccuracyCriterion(double min) : ICriterion<ResultEvidence>
{
    public string? Rejects(ResultEvidence result) => result.ValidationAccuracy >= min
        ? null
        : $"Validation accuracy {result.ValidationAccuracy:P1} below the edge's minimum {min:P1}";
}
