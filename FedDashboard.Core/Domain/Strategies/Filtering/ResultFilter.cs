using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies.Filtering;

/// <summary>
/// An edge's evaluation policy as criteria, one for each bound it sets. The bounds known before training judge
/// terminals at selection too; a result is judged by all of them.
/// </summary>
public sealed class ResultFilter(EvaluationPolicy policy)
{
    private readonly ICriterion<TerminalEvidence>[] _beforeTraining = [.. BeforeTraining(policy)];
    private readonly ICriterion<ResultEvidence>[] _afterTraining = [.. AfterTraining(policy)];

    /// <summary>Whether a criterion compares results with the edge's others, which needs the round's update deviations.</summary>
    public bool ComparesUpdates => policy.MaxNormRatio is not null || policy.MinCosineSimilarity is not null;

    /// <returns>Null when the terminal meets every bound known before training; otherwise every reason.</returns>
    public string? Rejects(TerminalEvidence terminal) => Join(_beforeTraining.Select(c => c.Rejects(terminal)));

    /// <returns>Null when the result meets every bound; otherwise every reason.</returns>
    public string? Rejects(ResultEvidence result) =>
        Join(_beforeTraining.Select(c => c.Rejects(result.Terminal)).Concat(_afterTraining.Select(c => c.Rejects(result))));

    private static string? Join(IEnumerable<string?> reasons)
    {
        var failed = reasons.OfType<string>().ToList();
        return failed.Count == 0 ? null : string.Join("; ", failed);
    }

    private static IEnumerable<ICriterion<TerminalEvidence>> BeforeTraining(EvaluationPolicy policy)
    {
        if (policy.MinReliability is { } reliability) yield return new ReliabilityCriterion(reliability);
        if (policy.RequireCoverage) yield return new LocationCriterion();
        if (policy.AllowedTypes.Count > 0) yield return new TypeCriterion(policy.AllowedTypes);
        if (policy.MinCapacity is { } capacity) yield return new CapacityCriterion(capacity);
        if (policy.MinDataSamples is { } samples) yield return new DataSizeCriterion(samples);
        if (policy.MaxDataAgeHours is { } hours) yield return new DataAgeCriterion(hours);
        if (policy.AllowedApps.Count > 0) yield return new AppCriterion(policy.AllowedApps);
    }

    private static IEnumerable<ICriterion<ResultEvidence>> AfterTraining(EvaluationPolicy policy)
    {
        if (policy.MinValidationAccuracy is { } accuracy) yield return new ValidationAccuracyCriterion(accuracy);
        if (policy.MaxReportSeconds is { } seconds) yield return new TimelinessCriterion(seconds);
        if (policy.MaxNormRatio is { } ratio) yield return new NormRatioCriterion(ratio);
        if (policy.MinCosineSimilarity is { } cosine) yield return new DirectionCriterion(cosine);
    }
}
