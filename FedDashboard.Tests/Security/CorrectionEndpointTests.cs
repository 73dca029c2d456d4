using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FedDashboard.Tests.Security;

/// <summary><c>POST /api/rewards/entries/{id}/corrections</c>: a new signed ledger line for operators; 400, 401, 403 (audited) and 404 with the reason.</summary>
[Collection(DashboardCollection.Name)]
public sealed class CorrectionEndpointTests(DashboardProcess dashboard) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await dashboard.EnsureUserAsync("vic", Roles.Viewer);
        await dashboard.EnsureUserAsync("olga", Roles.Operator);
        await dashboard.EnsureUserAsync("april", Roles.Approver);
        await dashboard.EnsureUserAsync("opal", Roles.Operator, Roles.Approver);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string PathOf(long entryId) => $"api/rewards/entries/{entryId}/corrections";

    private async Task<RewardEntry> EntryAsync() => (await dashboard.AddRewardsAsync("SEK", 1)).Single();

    private async Task<HttpResponseMessage> PostAsync(string user, long entryId, object body)
    {
        using var client = (await SignedInClient.SignInAsync(dashboard.BaseAddress, user)).Client;
        return await client.PostAsJsonAsync(PathOf(entryId), body);
    }

    private async Task<int> CorrectionsOfAsync(long entryId)
    {
        await using var db = dashboard.Db();
        return await db.RewardEntries.CountAsync(e => e.CorrectsEntryId == entryId);
    }

    [Fact]
    public async Task Post_Operator_CreatedWithTheNewLine()
    {
        var entry = await EntryAsync();

        var response = await PostAsync("olga", entry.Id, new { amount = -0.25m, reason = "Counted twice" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var line = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((entry.Id, -0.25m, "SEK", "olga"),
            (line.GetProperty("corrects").GetInt64(), line.GetProperty("amount").GetDecimal(), line.GetProperty("currency").GetString(), line.GetProperty("createdBy").GetString()));
        Assert.Equal(1, await CorrectionsOfAsync(entry.Id));
    }

    [Fact]
    public async Task Accept_LargeCorrectionByItsAuthor_ForbiddenAuditedThenAnotherApproverAccepts()
    {
        var entry = await EntryAsync();
        var created = await PostAsync("opal", entry.Id, new { amount = 25m, reason = "Lost uploads" });
        var line = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(line.GetProperty("needsAcceptance").GetBoolean());
        var id = line.GetProperty("id").GetInt64();

        using var author = (await SignedInClient.SignInAsync(dashboard.BaseAddress, "opal")).Client;
        var own = await author.PostAsJsonAsync($"api/rewards/corrections/{id}/accept", new { comment = "mine" });
        using var approver = (await SignedInClient.SignInAsync(dashboard.BaseAddress, "april")).Client;
        var other = await approver.PostAsJsonAsync($"api/rewards/corrections/{id}/accept", new { comment = "checked" });

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains($"opal may not accept correction {id}, which they made themselves.", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        await using var db = dashboard.Db();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actor == "opal" && e.Action == AuditAction.CorrectionAccepted && e.Outcome == AuditOutcome.Refused));
        Assert.True((await db.CorrectionDecisions.SingleAsync(d => d.CorrectionId == id)).Accepted);
    }

    [Fact]
    public async Task Post_Viewer_ForbiddenAuditedAndNoLine()
    {
        var entry = await EntryAsync();

        var response = await PostAsync("vic", entry.Id, new { amount = 1m, reason = "more" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("vic may not correct ledger entry", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CorrectionsOfAsync(entry.Id));
        await using var db = dashboard.Db();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actor == "vic" && e.Action == AuditAction.RewardCorrected && e.Outcome == AuditOutcome.Refused));
    }

    [Fact]
    public async Task Post_ZeroAmount_BadRequestSayingWhy()
    {
        var entry = await EntryAsync();

        var response = await PostAsync("olga", entry.Id, new { amount = 0m, reason = "nothing" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("0 corrects nothing", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CorrectionsOfAsync(entry.Id));
    }

    [Fact]
    public async Task Post_UnknownEntry_NotFound()
    {
        var response = await PostAsync("olga", long.MaxValue, new { amount = 1m, reason = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"There is no ledger entry {long.MaxValue}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_NotSignedIn_Unauthorized()
    {
        using var client = SignedInClient.Anonymous(dashboard.BaseAddress);

        var response = await client.PostAsJsonAsync(PathOf(1), new { amount = 1m, reason = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
