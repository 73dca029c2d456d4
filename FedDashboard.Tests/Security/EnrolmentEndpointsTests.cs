using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FedDashboard.Tests.Security;

/// <summary>
/// Enrolment codes and credential revocation over HTTP against the real app: 401 without sign-in, 403 and an audit row
/// without the operator role, 400 at the field for bad input, 404 for no such thing, 409 when revoked already.
/// Revocations act on a terminal of the test's own on a dashboard whose fleet stands still.
/// </summary>
[Collection(QuietCollection.Name)]
public sealed class EnrolmentEndpointsTests(QuietDashboard dashboard) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await dashboard.EnsureUserAsync("vic", Roles.Viewer);
        await dashboard.EnsureUserAsync("olga", Roles.Operator);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> ClientAsync(string userName) => (await SignedInClient.SignInAsync(dashboard.BaseAddress, userName)).Client;

    private async Task<int> EdgeAsync()
    {
        await using var db = dashboard.Db();
        return await db.EdgeServers.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
    }

    /// <summary>A terminal holding one active credential; its id.</summary>
    private async Task<int> EnrolledTerminalAsync()
    {
        await using var db = dashboard.Db();
        var ordinal = 1_000_000 + Random.Shared.Next(1_000_000);
        var terminal = new Terminal($"api-test-{ordinal}", ordinal, TerminalType.Phone, HardwareTier.Mid, -1, -1);
        db.Terminals.Add(terminal);
        await db.SaveChangesAsync();
        db.TerminalCredentials.Add(new TerminalCredential(terminal.Id, TerminalSecrets.Hash(TerminalSecrets.NewCredential()), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return terminal.Id;
    }

    private async Task<int> CodeAsync()
    {
        using var client = await ClientAsync("olga");
        var response = await client.PostAsJsonAsync($"api/edges/{await EdgeAsync()}/enrolment-codes", new { validForHours = 1, maxUses = 1 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<bool> RefusalAuditedAsync(string actor, AuditAction action)
    {
        await using var db = dashboard.Db();
        return await db.AuditEntries.AnyAsync(e => e.Actor == actor && e.Action == action && e.Outcome == AuditOutcome.Refused);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Theory]
    [InlineData("api/edges/1/enrolment-codes")]
    [InlineData("api/enrolment-codes/1/revoke")]
    [InlineData("api/terminals/1/revoke-credentials")]
    public async Task Post_NotSignedIn_Unauthorized(string path)
    {
        using var client = SignedInClient.Anonymous(dashboard.BaseAddress);

        var response = await client.PostAsJsonAsync(path, new { validForHours = 1, maxUses = 1, reason = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CreateCode_AsOperator_CreatedWithItsTextOnceAndOnlyTheHashStored()
    {
        var edge = await EdgeAsync();
        using var client = await ClientAsync("olga");

        var response = await client.PostAsJsonAsync($"api/edges/{edge}/enrolment-codes", new { validForHours = 12.5, maxUses = 4 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        var text = body.GetProperty("code").GetString()!;
        Assert.Equal($"/api/enrolment-codes/{id}", response.Headers.Location!.OriginalString);
        await using var db = dashboard.Db();
        var stored = await db.EnrolmentCodes.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal((TerminalSecrets.Hash(TerminalSecrets.NormalizeCode(text)), edge, 4, "olga", TimeSpan.FromHours(12.5)),
            (stored.CodeHash, stored.EdgeId, stored.MaxUses, stored.CreatedBy, stored.ExpiresAt - stored.CreatedAt));
        Assert.Equal(text[^4..], body.GetProperty("hint").GetString());
    }

    [Theory]
    [InlineData("""{ "validForHours": 0, "maxUses": 1 }""", "validForHours", "A code is valid for more than 0 and at most 720 hours (30 days); was 0.")]
    [InlineData("""{ "validForHours": 721, "maxUses": 1 }""", "validForHours", "A code is valid for more than 0 and at most 720 hours (30 days); was 721.")]
    [InlineData("""{ "validForHours": 24, "maxUses": 0 }""", "maxUses", "A code is used by 1 to 100,000 terminals; was 0.")]
    [InlineData("""{ "validForHours": 24, "maxUses": 100001 }""", "maxUses", "A code is used by 1 to 100,000 terminals; was 100001.")]
    public async Task CreateCode_BadInput_BadRequestAtTheField(string body, string field, string reason)
    {
        using var client = await ClientAsync("olga");

        var response = await client.PostAsync($"api/edges/{await EdgeAsync()}/enrolment-codes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, (await ProblemAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task CreateCode_NotJson_BadRequest()
    {
        using var client = await ClientAsync("olga");

        var response = await client.PostAsync($"api/edges/{await EdgeAsync()}/enrolment-codes", new StringContent("""{ "maxUses": "many" }""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CreateCode_UnknownEdge_NotFound()
    {
        using var client = await ClientAsync("olga");

        var response = await client.PostAsJsonAsync("api/edges/99999/enrolment-codes", new { validForHours = 1, maxUses = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no edge 99999.", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CreateCode_AsViewer_ForbiddenWithReasonAndAudited()
    {
        var edge = await EdgeAsync();
        using var client = await ClientAsync("vic");

        var response = await client.PostAsJsonAsync($"api/edges/{edge}/enrolment-codes", new { validForHours = 1, maxUses = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal($"vic may not create an enrolment code for edge {edge} without the operator role.", (await ProblemAsync(response)).GetProperty("detail").GetString());
        Assert.True(await RefusalAuditedAsync("vic", AuditAction.EnrolmentCodeCreated));
    }

    [Fact]
    public async Task RevokeCode_AsOperator_OkAndASecondTimeConflict()
    {
        var id = await CodeAsync();
        using var client = await ClientAsync("olga");

        var first = await client.PostAsync($"api/enrolment-codes/{id}/revoke", null);
        var second = await client.PostAsync($"api/enrolment-codes/{id}/revoke", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("olga", JsonValueKind.Null), (body.GetProperty("revokedBy").GetString(), body.GetProperty("code").ValueKind));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task RevokeCode_AsViewer_ForbiddenAndAudited()
    {
        var id = await CodeAsync();
        using var client = await ClientAsync("vic");

        var response = await client.PostAsync($"api/enrolment-codes/{id}/revoke", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await RefusalAuditedAsync("vic", AuditAction.EnrolmentCodeRevoked));
    }

    [Fact]
    public async Task RevokeCode_UnknownCode_NotFound()
    {
        using var client = await ClientAsync("olga");

        var response = await client.PostAsync("api/enrolment-codes/99999/revoke", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RevokeCredentials_AsOperator_OkWithTheRevokedCredentialAndStored()
    {
        var terminal = await EnrolledTerminalAsync();
        using var client = await ClientAsync("olga");

        var response = await client.PostAsJsonAsync($"api/terminals/{terminal}/revoke-credentials", new { reason = "Lost" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revoked = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revoked").EnumerateArray());
        Assert.Equal(("olga", "Lost"), (revoked.GetProperty("revokedBy").GetString(), revoked.GetProperty("revokeReason").GetString()));
        await using var db = dashboard.Db();
        Assert.True(await db.TerminalCredentials.Where(c => c.TerminalId == terminal).AllAsync(c => c.RevokedAt != null && c.RevokedBy == "olga"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "reason": "  " }""")]
    public async Task RevokeCredentials_NoReason_BadRequestAtTheReasonAndStillActive(string body)
    {
        var terminal = await EnrolledTerminalAsync();
        using var client = await ClientAsync("olga");

        var response = await client.PostAsync($"api/terminals/{terminal}/revoke-credentials", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Say why", (await ProblemAsync(response)).GetProperty("errors").GetProperty("reason")[0].GetString());
        await using var db = dashboard.Db();
        Assert.True(await db.TerminalCredentials.Where(c => c.TerminalId == terminal).AllAsync(c => c.RevokedAt == null));
    }

    [Fact]
    public async Task RevokeCredentials_AsViewer_ForbiddenAuditedAndStillActive()
    {
        var terminal = await EnrolledTerminalAsync();
        using var client = await ClientAsync("vic");

        var response = await client.PostAsJsonAsync($"api/terminals/{terminal}/revoke-credentials", new { reason = "Lost" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await RefusalAuditedAsync("vic", AuditAction.CredentialRevoked));
        await using var db = dashboard.Db();
        Assert.True(await db.TerminalCredentials.Where(c => c.TerminalId == terminal).AllAsync(c => c.RevokedAt == null));
    }

    [Fact]
    public async Task RevokeCredentials_NothingActive_Conflict()
    {
        var terminal = await EnrolledTerminalAsync();
        using var client = await ClientAsync("olga");
        await client.PostAsJsonAsync($"api/terminals/{terminal}/revoke-credentials", new { reason = "Lost" });

        var response = await client.PostAsJsonAsync($"api/terminals/{terminal}/revoke-credentials", new { reason = "Lost again" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
