using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Persistence;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;

namespace FedDashboard.Tests.Security;

/// <summary>The HTTP endpoints for decisions and job controls answer by Core's checks: 401 without sign-in, 403 and an audit row for the wrong role, 409 for an illegal move.</summary>
[Collection(DashboardCollection.Name)]
public sealed class GovernanceEndpointsTests(DashboardProcess dashboard) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await dashboard.EnsureUserAsync("vic", Roles.Viewer);
        await dashboard.EnsureUserAsync("april", Roles.Approver);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private FedDbContext Db() => new(new DbContextOptionsBuilder<FedDbContext>().UseNpgsql(dashboard.ConnectionString).Options);

    private async Task<int> FirstVersionIdAsync()
    {
        await using var db = Db();
        return await db.ModelVersions.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
    }

    [Theory]
    [InlineData("api/versions/1/approve")]
    [InlineData("api/versions/1/publish")]
    [InlineData("api/jobs/1/pause")]
    [InlineData("api/jobs/1/abort")]
    public async Task Post_NotSignedIn_Unauthorized(string path)
    {
        using var client = SignedInClient.Anonymous(dashboard.BaseAddress);

        var response = await client.PostAsJsonAsync(path, new { comment = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Approve_ByViewer_ForbiddenWithReasonAndAudited()
    {
        var versionId = await FirstVersionIdAsync();
        var (client, _) = await SignedInClient.SignInAsync(dashboard.BaseAddress, "vic");

        var response = await client.PostAsJsonAsync($"api/versions/{versionId}/approve", new { comment = "looks fine" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("vic may not", await response.Content.ReadAsStringAsync());
        await using var db = Db();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actor == "vic" && e.Action == AuditAction.VersionApproved && e.Outcome == AuditOutcome.Refused));
    }

    [Fact]
    public async Task Pause_ByApprover_Forbidden()
    {
        var (client, _) = await SignedInClient.SignInAsync(dashboard.BaseAddress, "april");

        var response = await client.PostAsync("api/jobs/1/pause", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("april may not", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Approve_InitialVersion_ConflictSayingWhy()
    {
        var versionId = await FirstVersionIdAsync();
        var (client, _) = await SignedInClient.SignInAsync(dashboard.BaseAddress, "april");

        var response = await client.PostAsJsonAsync($"api/versions/{versionId}/approve", new { comment = "again" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("v0", await response.Content.ReadAsStringAsync());
    }
}
