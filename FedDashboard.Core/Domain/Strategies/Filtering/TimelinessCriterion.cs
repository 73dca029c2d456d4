namespace FedDashboard.Core.Domain.Strategies.Filtering;

public sealed class TimelinessCriterion(double maxSeconds) : ICriterion<ResultEvidence>
{
    public string? Rejects(ResultEvidence result) => result.ReportDelay.TotalSeconds <= maxSeconds
        ? null
        : $"Reported {result.ReportDelay.TotalSeconds:0.0} s after assignment, later than the edge's maximum {maxSeconds:0.#} s";
}
