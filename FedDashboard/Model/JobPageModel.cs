using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Model;

/// <summary>
/// The job page for one signed-in user: where the job stands, its policy in words, and which controls the page offers
/// and whether this user may use them. Core checks again, so an offered control can still be refused.
/// </summary>
public sealed class JobPageModel(JobPageState state, Actor actor)
{
    public JobSummary Job => state.Job;
    public JobPageState State => state;
    public IReadOnlyList<PolicyLine> Policy { get; } = JobPolicyText.Describe(state.Job.Policy);

    public bool CanPause => Job.Status == JobStatus.Running;
    public bool CanResume => Job.Status == JobStatus.Paused;
    public bool CanAbort => Job.Status is JobStatus.Running or JobStatus.Paused;

    public bool MayOperate => actor.CanOperate;

    /// <summary>Why this user's controls are disabled, or null when they are not.</summary>
    public string? OperateHint => MayOperate || !CanAbort ? null : "Only operators pause, resume or abort jobs.";
}
