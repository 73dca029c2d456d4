using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Security;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FedDashboard.Tests.Security;

/// <summary>
/// Refusals over real HTTP on the real dashboard: a missing thing is 404, over-long text a 400 naming its field, a
/// cross-site POST or a bare form a 403; each changes nothing and is in the audit log, at most so many rows per client.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class RefusalEndpointsTests(DashboardProcess dashboard) : IAsyncLifetime
{
    private static readonly string TenThousand = new('x', 10_000);

    public async Task InitializeAsync()
    {
        await dashboard.EnsureUserAsync("olga", Roles.Operator);
        await dashboard.EnsureUserAsync("april", Roles.Approver);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string CorrectionsOf(long entryId) => $"api/rewards/entries/{entryId}/corrections";

    private async Task<HttpClient> ClientAsync(string user) => (await SignedInClient.SignInAsync(dashboard.BaseAddress, user)).Client;

    private async Task<int> CorrectionsCountAsync(long entryId)
    {
        await using var db = dashboard.Db();
        return await db.RewardEntries.CountAsync(e => e.CorrectsEntryId == entryId);
    }

    private async Task<List<AuditEntry>> RefusalsOfAsync(string actor)
    {
        await using var db = dashboard.Db();
        return await db.AuditEntries.Where(e => e.Actor == actor && e.Action == AuditAction.RequestRefused).OrderBy(e => e.Id).ToListAsync();
    }

    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Fact]
    public async Task Approve_MissingVersion_NotFound()
    {
        using var client = await ClientAsync("april");

        var response = await client.PostAsJsonAsync($"api/versions/{int.MaxValue}/approve", new { comment = "fine" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"Model version {int.MaxValue} does not exist.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pause_MissingJob_NotFound()
    {
        using var client = await ClientAsync("olga");

        var response = await client.PostAsync($"api/jobs/{int.MaxValue}/pause", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"Training job {int.MaxValue} does not exist.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Approve_TenThousandCharacterComment_BadRequestAtTheCommentAndAudited()
    {
        await using var db = dashboard.Db();
        var version = await db.ModelVersions.OrderBy(v => v.Id).FirstAsync();
        using var client = await ClientAsync("april");

        var response = await client.PostAsJsonAsync($"api/versions/{version.Id}/approve", new { comment = TenThousand });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("A comment has at most 2000 characters (was 10000).", await FieldErrorAsync(response, "comment"));
        await using var after = dashboard.Db();
        Assert.Equal(version.Status, (await after.ModelVersions.SingleAsync(v => v.Id == version.Id)).Status);
        Assert.Contains(await RefusalsOfAsync("april"), e => e.SubjectId == $"POST /api/versions/{version.Id}/approve" && e.Detail!.Contains("at most 2000 characters"));
    }

    [Fact]
    public async Task Correct_TenThousandCharacterReason_BadRequestAtTheReasonAndNoLine()
    {
        var entry = (await dashboard.AddRewardsAsync("SEK", 1)).Single();
        using var client = await ClientAsync("olga");

        var response = await client.PostAsJsonAsync(CorrectionsOf(entry.Id), new { amount = 1m, reason = TenThousand });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"A correction's reason has at most {RewardEntry.MaxNoteLength} characters (was 10000).", await FieldErrorAsync(response, "reason"));
        Assert.Equal(0, await CorrectionsCountAsync(entry.Id));
    }

    [Fact]
    public async Task Correct_FromAnotherOrigin_ForbiddenSayingWhyNoLineAndAudited()
    {
        var entry = (await dashboard.AddRewardsAsync("SEK", 1)).Single();
        using var client = await ClientAsync("olga");
        using var request = new HttpRequestMessage(HttpMethod.Post, CorrectionsOf(entry.Id)) { Content = JsonContent.Create(new { amount = 5m, reason = "from elsewhere" }) };
        request.Headers.Add("Origin", "http://attacker.example");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("comes from another site (http://attacker.example)", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CorrectionsCountAsync(entry.Id));
        Assert.Contains(await RefusalsOfAsync("olga"), e => e.SubjectId == $"POST /{CorrectionsOf(entry.Id)}" && e.Detail!.Contains("attacker.example"));
    }

    [Fact]
    public async Task Correct_BareFormPost_ForbiddenAndNoLine()
    {
        var entry = (await dashboard.AddRewardsAsync("SEK", 1)).Single();
        using var client = await ClientAsync("olga");
        // What a form on another page makes the browser send: the cookie, no custom header, no token.
        client.DefaultRequestHeaders.Remove(CrossSiteRequestGuard.HeaderName);

        var response = await client.PostAsync(CorrectionsOf(entry.Id), new FormUrlEncodedContent(new Dictionary<string, string> { ["amount"] = "5", ["reason"] = "form" }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"needs the header {CrossSiteRequestGuard.HeaderName}", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CorrectionsCountAsync(entry.Id));
    }

    [Fact]
    public async Task Correct_ManyRefusalsFromOneUser_AuditRowsLimitedPerMinute()
    {
        await dashboard.EnsureUserAsync("flo", Roles.Operator);
        var entry = (await dashboard.AddRewardsAsync("SEK", 1)).Single();
        using var client = await ClientAsync("flo");

        for (var i = 0; i < RefusalLog.PerClientPerMinute + 5; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync(CorrectionsOf(entry.Id), new { amount = 0m, reason = "zero" })).StatusCode);

        var rows = await RefusalsOfAsync("flo");
        Assert.Equal(RefusalLog.PerClientPerMinute + 1, rows.Count);
        Assert.All(rows.Take(RefusalLog.PerClientPerMinute), row => Assert.Contains("400: A correction adds or takes back an amount; 0 corrects nothing.", row.Detail));
        Assert.StartsWith($"More than {RefusalLog.PerClientPerMinute} refusals for flo within a minute", rows[^1].Detail);
    }
}
