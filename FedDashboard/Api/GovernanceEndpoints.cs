using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Security;

namespace FedDashboard.Api;

/// <summary>Comment sent with an approval or a rejection.</summary>
public sealed record DecisionRequest(string? Comment);

/// <summary>
/// Version decisions, job controls and decisions on proposed job policy changes over HTTP, for scripts and other tools. Core checks the caller's roles and part
/// in the matter; its refusals are answered by <see cref="RefusalProblems"/>: 403 (audited), 404 for no such version or
/// job, 409 for an illegal move, 400 for bad input, each with the reason.
/// </summary>
public static class GovernanceEndpoints
{
    public static IEndpointRouteBuilder MapGovernanceEndpoints(this IEndpointRouteBuilder app)
    {
        var versions = app.MapGroup("/api/versions/{id:int}").RequireAuthorization();
        versions.MapPost("/approve", async (int id, DecisionRequest? request, HttpContext http, VersionDecisions decisions, CancellationToken ct) =>
            Ok(await decisions.ApproveAsync(id, CurrentActor.Of(http.User), request?.Comment, ct)));
        versions.MapPost("/reject", async (int id, DecisionRequest? request, HttpContext http, VersionDecisions decisions, CancellationToken ct) =>
            Ok(await decisions.RejectAsync(id, CurrentActor.Of(http.User), request?.Comment, ct)));
        versions.MapPost("/publish", async (int id, HttpContext http, VersionDecisions decisions, CancellationToken ct) =>
            Ok(await decisions.PublishAsync(id, CurrentActor.Of(http.User), ct)));
        versions.MapPost("/rollback", async (int id, HttpContext http, VersionDecisions decisions, CancellationToken ct) =>
            Ok(await decisions.RollBackAsync(id, CurrentActor.Of(http.User), ct)));

        var jobs = app.MapGroup("/api/jobs/{id:int}").RequireAuthorization();
        jobs.MapPost("/pause", async (int id, HttpContext http, JobControls controls, CancellationToken ct) =>
            Ok(await controls.PauseAsync(id, CurrentActor.Of(http.User), ct)));
        jobs.MapPost("/resume", async (int id, HttpContext http, JobControls controls, CancellationToken ct) =>
            Ok(await controls.ResumeAsync(id, CurrentActor.Of(http.User), ct)));
        jobs.MapPost("/abort", async (int id, HttpContext http, JobControls controls, CancellationToken ct) =>
            Ok(await controls.AbortAsync(id, CurrentActor.Of(http.User), ct)));

        var proposals = app.MapGroup("/api/policy-proposals/{id:int}").RequireAuthorization();
        proposals.MapPost("/accept", async (int id, DecisionRequest? request, HttpContext http, JobPolicyProposals decisions, CancellationToken ct) =>
            Ok(await decisions.AcceptAsync(CurrentActor.Of(http.User), id, request?.Comment, ct)));
        proposals.MapPost("/reject", async (int id, DecisionRequest? request, HttpContext http, JobPolicyProposals decisions, CancellationToken ct) =>
            Ok(await decisions.RejectAsync(CurrentActor.Of(http.User), id, request?.Comment, ct)));
        return app;
    }

    private static IResult Ok(ModelVersion version) => Results.Ok(VersionView.Of(version));

    private static IResult Ok(TrainingJob job) => Results.Ok(JobView.Of(job));

    private static IResult Ok(JobPolicyProposal proposal) => Results.Ok(ProposalView.Of(proposal));

    private sealed record VersionView(int Id, int JobId, string Label, string Status, string? DecidedBy, string? Comment)
    {
        public static object Of(ModelVersion v) => new VersionView(v.Id, v.JobId, v.Label, v.Status.ToString(), v.DecidedBy, v.DecisionComment);
    }

    private sealed record JobView(int Id, string Name, string Status, string? EndReason)
    {
        public static object Of(TrainingJob j) => new JobView(j.Id, j.Name, j.Status.ToString(), j.EndReason);
    }

    private sealed record ProposalView(int Id, int JobId, string Status, string ProposedBy, string Relaxations, string? DecidedBy, string? Comment)
    {
        public static object Of(JobPolicyProposal p) => new ProposalView(p.Id, p.JobId, p.Status.ToString(), p.ProposedBy, p.Relaxations, p.DecidedBy, p.DecisionComment);
    }
}
