namespace FedDashboard.Core.Domain.Governance;

/// <summary>A version's decision as the audit log records it before and after an approval or rejection.</summary>
public sealed record VersionState(string Version, ModelVersionStatus Status, string? DecidedBy, string? Comment)
{
    public static VersionState Of(ModelVersion version) => new(version.Label, version.Status, version.DecidedBy, version.DecisionComment);
}
