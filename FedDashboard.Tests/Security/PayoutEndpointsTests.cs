using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FedDashboard.Tests.Security;

/// <summary>
/// The payout endpoints answer by Core's checks: 401 without sign-in, 403 and an audit row for the wrong role or the
/// batch's creator, 400 for bad input, 404 for no such batch, 409 for an illegal move. Each test batches ledger lines of
/// a currency of its own, so it takes nothing another test or the running job made.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PayoutEndpointsTests(DashboardProcess dashboard) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await dashboard.EnsureUserAsync("vic", Roles.Viewer);
        await dashboard.EnsureUserAsync("olga", Roles.Operator);
        await dashboard.EnsureUserAsync("april", Roles.Approver);
        await dashboard.EnsureUserAsync("opal", Roles.Operator, Roles.Approver);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> ClientAsync(string userName) => (await SignedInClient.SignInAsync(dashboard.BaseAddress, userName)).Client;

    /// <summary>A batch of two fresh entries in <paramref name="currency"/>, made by <paramref name="creator"/>; its id.</summary>
    private async Task<int> BatchAsync(string currency, string creator = "olga")
    {
        await dashboard.AddRewardsAsync(currency, 2);
        using var client = await ClientAsync(creator);
        var response = await client.PostAsJsonAsync("api/payouts", new { currency });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<bool> RefusalAuditedAsync(string actor, AuditAction action)
    {
        await using var db = dashboard.Db();
        return await db.AuditEntries.AnyAsync(e => e.Actor == actor && e.Action == action && e.Outcome == AuditOutcome.Refused);
    }

    [Theory]
    [InlineData("api/payouts")]
    [InlineData("api/payouts/1/approve")]
    [InlineData("api/payouts/1/reject")]
    [InlineData("api/payouts/1/paid")]
    public async Task Post_NotSignedIn_Unauthorized(string path)
    {
        using var client = SignedInClient.Anonymous(dashboard.BaseAddress);

        var response = await client.PostAsJsonAsync(path, new { currency = "EUR", comment = "x", reference = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Create_AsOperator_CreatedWithTheBatch()
    {
        var entries = await dashboard.AddRewardsAsync("GBP", 2);
        using var client = await ClientAsync("olga");

        var response = await client.PostAsJsonAsync("api/payouts", new { from = DateTimeOffset.UtcNow.AddDays(-1), currency = "GBP" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(($"/api/payouts/{batch.GetProperty("id").GetInt32()}", "Pending", "olga"),
            (response.Headers.Location!.OriginalString, batch.GetProperty("status").GetString(), batch.GetProperty("createdBy").GetString()));
        Assert.Equal((entries.Count, 3m), (batch.GetProperty("entryCount").GetInt32(), batch.GetProperty("total").GetDecimal()));
    }

    [Fact]
    public async Task Create_AsViewer_ForbiddenWithReasonAndAudited()
    {
        using var client = await ClientAsync("vic");

        var response = await client.PostAsJsonAsync("api/payouts", new { currency = "EUR" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("vic may not create a payout batch without the operator role.", await response.Content.ReadAsStringAsync());
        Assert.True(await RefusalAuditedAsync("vic", AuditAction.PayoutBatchCreated));
    }

    [Theory]
    [InlineData("""{ "currency": "euro" }""", "The currency is a three-letter ISO 4217 code such as EUR (was 'euro').")]
    [InlineData("""{ "from": "2026-11-02T00:00:00Z", "to": "2026-11-01T00:00:00Z", "currency": "EUR" }""", "The period ends (2026-11-01 00:00 UTC) before it starts (2026-11-02 00:00 UTC).")]
    [InlineData("""{ "edgeId": 9999, "currency": "EUR" }""", "There is no edge 9999.")]
    [InlineData("""{ "from": "2000-01-01T00:00:00Z", "to": "2000-02-01T00:00:00Z", "currency": "EUR" }""", "No unpaid entries match")]
    public async Task Create_BadInput_BadRequestWithTheReason(string body, string reason)
    {
        using var client = await ClientAsync("olga");

        var response = await client.PostAsync("api/payouts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Approve_ByItsCreatorWithApproverRole_ForbiddenAndAudited()
    {
        var id = await BatchAsync("CHF", creator: "opal");
        using var client = await ClientAsync("opal");

        var response = await client.PostAsJsonAsync($"api/payouts/{id}/approve", new { comment = "mine" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"opal may not approve payout batch {id}, which they made themselves.", await response.Content.ReadAsStringAsync());
        Assert.True(await RefusalAuditedAsync("opal", AuditAction.PayoutBatchApproved));
    }

    [Fact]
    public async Task Approve_ByTheAuthorOfACorrectionItHolds_ForbiddenAuditedAndAnotherApproverMay()
    {
        var entries = await dashboard.AddRewardsAsync("ISK", 2);
        using (var author = await ClientAsync("opal"))
        {
            var corrected = await author.PostAsJsonAsync($"api/rewards/entries/{entries[0].Id}/corrections", new { amount = 0.5m, reason = "Missed samples" });
            Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        }
        var id = await BatchAsync("ISK");
        using var client = await ClientAsync("opal");

        var response = await client.PostAsJsonAsync($"api/payouts/{id}/approve", new { comment = "fine" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"opal may not approve payout batch {id}, which holds a correction they made.", await response.Content.ReadAsStringAsync());
        Assert.True(await RefusalAuditedAsync("opal", AuditAction.PayoutBatchApproved));
        using var other = await ClientAsync("april");
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync($"api/payouts/{id}/approve", new { comment = "fine" })).StatusCode);
    }

    [Fact]
    public async Task Approve_AsOperator_Forbidden()
    {
        var id = await BatchAsync("SEK");
        using var client = await ClientAsync("olga");

        var response = await client.PostAsJsonAsync($"api/payouts/{id}/approve", new { comment = "fine" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("without the approver role", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Approve_UnknownBatch_NotFound()
    {
        using var client = await ClientAsync("april");

        var response = await client.PostAsJsonAsync("api/payouts/987654/approve", new { comment = "fine" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no payout batch 987654.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reject_WithoutReason_BadRequest()
    {
        var id = await BatchAsync("NOK");
        using var client = await ClientAsync("april");

        var response = await client.PostAsJsonAsync($"api/payouts/{id}/reject", new { comment = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A rejection needs a reason", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Paid_PendingBatch_ConflictSayingWhy()
    {
        var id = await BatchAsync("DKK");
        using var client = await ClientAsync("olga");

        var response = await client.PostAsJsonAsync($"api/payouts/{id}/paid", new { reference = "SEPA-1" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only an approved batch can be marked paid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApproveThenPaid_ByApproverAndOperator_OkAndPaidBatchThenAConflict()
    {
        var id = await BatchAsync("JPY");
        using var approver = await ClientAsync("april");
        using var operatorClient = await ClientAsync("olga");

        var approved = await approver.PostAsJsonAsync($"api/payouts/{id}/approve", new { comment = "matches the ledger" });
        var paid = await operatorClient.PostAsJsonAsync($"api/payouts/{id}/paid", new { reference = " SEPA-JPY-1 " });
        var again = await approver.PostAsJsonAsync($"api/payouts/{id}/reject", new { comment = "too late" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict), (approved.StatusCode, paid.StatusCode, again.StatusCode));
        var batch = await paid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Paid", "SEPA-JPY-1", "april"),
            (batch.GetProperty("status").GetString(), batch.GetProperty("paymentReference").GetString(), batch.GetProperty("decidedBy").GetString()));
        Assert.Contains("is paid and can no longer change", await again.Content.ReadAsStringAsync());
    }
}
