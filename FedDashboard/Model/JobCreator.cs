using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Training;


namespace FedDashboard.Model;

/// <summary>The outcome of one launch: the job's id when it started, else a message for the operator.</summary>
public sealed record JobCreateResult(int? JobId, string Message)
{
    public bool Launched => JobId is not null;
}

/// <summary>Validates a new-job form and, only when it is valid, launches the job.</summary>
public sealed class JobCreator(JobLauncher launcher)
{
    public async Task<JobCreateResult> CreateAsync(NewJobForm form, Actor actor, CancellationToken ct = default)
    {
        var errors = form.Validate();
        form.ShowErrors(errors);
        if (errors.Count > 0)
            return new(null, $"The job was not started; correct the {(errors.Count == 1 ? "field" : "fields")} marked in red.");

        var name = form.Name.Trim();
        try
        {
            var job = await launcher.LaunchAsync(name, form.ToSettings(), form.ToPolicy(), actor, ct);
            return new(job.Id, form.ToPolicy().AutoApprove
                ? $"Job \"{job.Name}\" (#{job.Id}) started; an approver decides on its versions until an approver other than you accepts the proposed auto-approve (Policies page)."
                : $"Job \"{job.Name}\" (#{job.Id}) started.");
        }
        catch (Exception e) when (e is AccessDeniedException or ConflictException or InvalidInputException)
        {
            // An empty fleet is the launcher's one refusal the form cannot prevent besides the roles; bad input the form missed is said the same way.
            return new(null, $"The job was not started: {e.Message}");
        }
    }
}
