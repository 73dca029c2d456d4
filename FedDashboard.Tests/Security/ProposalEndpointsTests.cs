using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Persistence;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FedDashboard.Tests.Security;

/// <summary>
/// <c>POST /api/policy-proposals/{id}/accept|reject</c> on the running dashboard: an operator's proposal to turn
/// auto-approve on changes nothing until an approver other than the proposer accepts it; the proposer is refused (403,
/// audited). Each test proposes on a paused job of its own, started by "olga" (<see cref="PausedDashboardJob"/>).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ProposalEndpointsTests(DashboardProcess dashboard) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await dashboard.EnsureUserAsync("april", Roles.Approver);
        await dashboard.EnsureUserAsync("opal", Roles.Operator, Roles.Approver);
    }

    private readonly List<PausedDashboardJob> _jobs = [];

    public async Task DisposeAsync()
    {
        foreach (var job in _jobs) await job.DisposeAsync();
    }

    private sealed class DashboardDb(DashboardProcess dashboard) : IDbContextFactory<FedDbContext>
    {
        public FedDbContext CreateDbContext() => dashboard.Db();
    }

    /// <summary>A paused job of olga's without auto-approve, and opal's proposal to turn it on; the job's and the proposal's ids.</summary>
    private async Task<(int JobId, int ProposalId)> ProposedAsync(string name)
    {
        var job = await PausedDashboardJob.CreateAsync(dashboard, name);
        _jobs.Add(job);
        var jobId = job.Id;
        var opal = Actor.User("opal", Roles.Operator, Roles.Approver);
        var change = await new PolicyChanges(new DashboardDb(dashboard), TimeProvider.System)
            .ChangeJobPolicyAsync(opal, jobId, TestData.Policy(autoApprove: true), 0);
        Assert.Equal(PolicyChangeOutcome.Proposed, change.Outcome);
        return (jobId, change.ProposalId!.Value);
    }

    private async Task<TrainingJob> JobAsync(int id)
    {
        await using var db = dashboard.Db();
        return await db.TrainingJobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    private async Task<HttpResponseMessage> PostAsync(string user, string path, object body)
    {
        using var client = (await SignedInClient.SignInAsync(dashboard.BaseAddress, user)).Client;
        return await client.PostAsJsonAsync(path, body);
    }

    [Fact]
    public async Task Accept_ByItsProposer_ForbiddenAuditedAndAutoApproveStaysOff()
    {
        var (jobId, proposalId) = await ProposedAsync("proposal: own");

        var response = await PostAsync("opal", $"api/policy-proposals/{proposalId}/accept", new { comment = "mine" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("opal may not accept the proposed policy change of job \"proposal: own\", which they proposed themselves.", problem.GetProperty("detail").GetString());
        Assert.False((await JobAsync(jobId)).Policy.AutoApprove);
        await using var db = dashboard.Db();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actor == "opal" && e.Action == AuditAction.PolicyProposalAccepted
            && e.SubjectId == jobId.ToString() && e.Outcome == AuditOutcome.Refused));
    }

    [Fact]
    public async Task Accept_ByAnotherApprover_AutoApproveOnFromTheNextRevision()
    {
        var (jobId, proposalId) = await ProposedAsync("proposal: accepted");
        Assert.False((await JobAsync(jobId)).Policy.AutoApprove);

        var response = await PostAsync("april", $"api/policy-proposals/{proposalId}/accept", new { comment = "fine" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Accepted", "april"), (body.GetProperty("status").GetString(), body.GetProperty("decidedBy").GetString()));
        var job = await JobAsync(jobId);
        Assert.Equal((true, 1), (job.Policy.AutoApprove, job.PolicyRevision));
        var again = await PostAsync("april", $"api/policy-proposals/{proposalId}/accept", new { comment = "twice" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Reject_WithoutReason_BadRequestThenWithReasonRejected()
    {
        var (jobId, proposalId) = await ProposedAsync("proposal: rejected");

        var bare = await PostAsync("april", $"api/policy-proposals/{proposalId}/reject", new { comment = "" });
        var reasoned = await PostAsync("april", $"api/policy-proposals/{proposalId}/reject", new { comment = "Not unattended yet" });

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("A rejection needs a reason", await bare.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, reasoned.StatusCode);
        await using var db = dashboard.Db();
        Assert.Equal(ProposalStatus.Rejected, (await db.JobPolicyProposals.SingleAsync(p => p.Id == proposalId)).Status);
        Assert.False((await JobAsync(jobId)).Policy.AutoApprove);
    }

    [Fact]
    public async Task Accept_UnknownProposal_NotFound()
    {
        var response = await PostAsync("april", "api/policy-proposals/987654/accept", new { comment = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no policy proposal 987654.", await response.Content.ReadAsStringAsync());
    }
}
