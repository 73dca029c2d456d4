using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// A client's request end to end over HTTP: the simulated fleet trains its job, an approver approves a version that
/// reaches the target, and the client reads the request as met.
/// </summary>
[Collection(TrainingFleetCollection.Name)]
public sealed class TrainingRequestMetTests(TrainingFleetDashboard dashboard)
{
    private const string ApproverName = "arthur";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Request_FleetTrainsAndApproverApproves_Met()
    {
        await dashboard.EnsureUserAsync(ApproverName, Roles.Approver);
        using var admin = (await SignedInClient.SignInAsync(dashboard.BaseAddress, DashboardAccounts.AdminName)).Client;
        var registered = await admin.PostAsJsonAsync("api/clients", new
        {
            name = "Acme Vision", contactEmail = "ml-ops@acme.example", allowedModels = new[] { "Mlp2NN" }, spendingLimit = 100, currency = "EUR",
        });
        var clientId = (await JsonAsync(registered)).GetProperty("id").GetInt32();
        var issued = await admin.PostAsJsonAsync($"api/clients/{clientId}/keys", new { scopes = new[] { "SubmitRequests", "ReadRequests" } });
        using var caller = new HttpClient { BaseAddress = dashboard.BaseAddress };
        caller.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await JsonAsync(issued)).GetProperty("secret").GetString());
        var submit = new HttpRequestMessage(HttpMethod.Post, "api/v1/training-requests")
        {
            Content = JsonContent.Create(new
            {
                name = "Digits, roughly",
                model = "Mlp2NN",
                condition = new { targetAccuracy = 0.5 },
                deadline = DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
                budget = new { maxRounds = 10, maxSpend = 10m },
            }),
        };
        submit.Headers.Add("Idempotency-Key", "met-1");
        var accepted = await caller.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!;

        var version = await Eventually.WaitForAsync(async () =>
        {
            await using var db = dashboard.Db();
            var jobId = await db.TrainingRequests.Where(r => r.ClientId == clientId).Select(r => r.JobId).SingleAsync();
            return await db.ModelVersions.FirstOrDefaultAsync(v => v.JobId == jobId && v.Number > 0 && v.TestAccuracy >= 0.5 && v.Status == ModelVersionStatus.PendingApproval);
        }, TimeSpan.FromMinutes(3), "a version of the request's job reaching 50 % test accuracy");
        Assert.Equal("Training", (await caller.GetFromJsonAsync<JsonElement>(location)).GetProperty("status").GetString());
        using var approver = (await SignedInClient.SignInAsync(dashboard.BaseAddress, ApproverName)).Client;
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync($"api/versions/{version.Id}/approve", new { comment = "good enough for Acme" })).StatusCode);

        var met = await caller.GetFromJsonAsync<JsonElement>(location);

        Assert.Equal(("Met", "Met"), (met.GetProperty("status").GetString(), met.GetProperty("endCondition").GetString()));
        Assert.True(met.GetProperty("bestAccuracy").GetDouble() >= 0.5);
    }
}
