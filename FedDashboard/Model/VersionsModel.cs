using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Security;


namespace FedDashboard.Model;

/// <summary>
/// The versions page for one signed-in user: the job's lineage, and which moves the page offers on each version and
/// whether this user may make them. The page only offers; Core checks again, so an offered move can still be refused.
/// </summary>
public sealed class VersionsModel(JobSummary job, IReadOnlyList<VersionRow> versions, Actor actor)
{
    public JobSummary Job => job;
    public IReadOnlyList<VersionRow> Versions => versions;
    public VersionRow? Published { get; } = versions.FirstOrDefault(v => v.Id == job.PublishedVersionId);

    /// <summary>The published version and its ancestors, root first: the chain of models the job has handed out from.</summary>
    public IReadOnlyList<VersionRow> PublishedLineage { get; } = LineageOf(job.PublishedVersionId, versions);

    private static List<VersionRow> LineageOf(int? versionId, IReadOnlyList<VersionRow> versions)
    {
        var byId = versions.ToDictionary(v => v.Id);
        var chain = new List<VersionRow>();
        for (var id = versionId; id is { } current && byId.TryGetValue(current, out var row); id = row.ParentId) chain.Add(row);
        chain.Reverse();
        return chain;
    }

    public bool IsPublished(VersionRow version) => version.Id == job.PublishedVersionId;

    public bool AwaitsDecision(VersionRow version) => version.Status == ModelVersionStatus.PendingApproval;

    public bool CanPublish(VersionRow version) => version.Status == ModelVersionStatus.Approved && version.Number > Published?.Number;

    public bool CanRollBackTo(VersionRow version) => version.Status == ModelVersionStatus.Approved && version.Number < Published?.Number;

    public bool MayDecide => actor.CanApproveFor(job.CreatedBy);

    public bool MayRelease => actor.CanApprove;

    /// <summary>Why this user's decision buttons are disabled, or null when they are not.</summary>
    public string? DecideHint =>
        !actor.CanApprove ? "Only approvers approve or reject versions."
        : !MayDecide ? $"You started job \"{job.Name}\"; another approver decides on its versions."
        : null;

    public string? ReleaseHint => MayRelease ? null : "Only approvers publish versions or roll back.";
}
