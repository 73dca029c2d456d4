using FedDashboard.Core.Topology;
using FedDashboard.Core.Policies.Edge;

namespace FedDashboard.Model;

/// <summary>An edge's evaluation policy as the form edits it: plain settable fields, the apps as one comma-separated text.</summary>
public sealed class EvaluationPolicyInput
{
    public double? MinValidationAccuracy { get; set; }
    public double? MinReliability { get; set; }
    public bool RequireCoverage { get; set; }
    public HashSet<TerminalType> AllowedTypes { get; set; } = [];
    public double? MinCapacity { get; set; }
    public int? MinDataSamples { get; set; }
    public double? MaxDataAgeHours { get; set; }
    public double? MaxReportSeconds { get; set; }
    public string AllowedApps { get; set; } = "";
    public double? MaxNormRatio { get; set; }
    public double? MinCosineSimilarity { get; set; }
    public bool ApplyAtSelection { get; set; }

    public static EvaluationPolicyInput From(EvaluationPolicy policy) => new()
    {
        MinValidationAccuracy = policy.MinValidationAccuracy,
        MinReliability = policy.MinReliability,
        RequireCoverage = policy.RequireCoverage,
        AllowedTypes = [.. policy.AllowedTypes],
        MinCapacity = policy.MinCapacity,
        MinDataSamples = policy.MinDataSamples,
        MaxDataAgeHours = policy.MaxDataAgeHours,
        MaxReportSeconds = policy.MaxReportSeconds,
        AllowedApps = string.Join(", ", policy.AllowedApps),
        MaxNormRatio = policy.MaxNormRatio,
        MinCosineSimilarity = policy.MinCosineSimilarity,
        ApplyAtSelection = policy.ApplyAtSelection,
    };

    /// <summary>Types in their declared order, so an unchanged form gives back the stored policy.</summary>
    public EvaluationPolicy ToPolicy() => new()
    {
        MinValidationAccuracy = MinValidationAccuracy,
        MinReliability = MinReliability,
        RequireCoverage = RequireCoverage,
        AllowedTypes = [.. Enum.GetValues<TerminalType>().Where(AllowedTypes.Contains)],
        MinCapacity = MinCapacity,
        MinDataSamples = MinDataSamples,
        MaxDataAgeHours = MaxDataAgeHours,
        MaxReportSeconds = MaxReportSeconds,
        AllowedApps = AllowedApps.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        MaxNormRatio = MaxNormRatio,
        MinCosineSimilarity = MinCosineSimilarity,
        ApplyAtSelection = ApplyAtSelection,
    };
}
