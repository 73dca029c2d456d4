using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Security;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FedDashboard.Tests.Security;

/// <summary>
/// Client applications over HTTP against the real app: administrators register clients and issue, rotate and revoke
/// keys with the sign-in cookie; client applications call the client API with a key (the probe GET /api/v1/me), which
/// answers a refused key 401 with a stable code and never a hint whether a key id exists.
/// </summary>
[Collection(QuietCollection.Name)]
public sealed class ClientKeyEndpointsTests(QuietDashboard dashboard) : IAsyncLifetime
{
    public async Task InitializeAsync() => await dashboard.EnsureUserAsync("olga", Roles.Operator);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> SignedInAsync(string userName) => (await SignedInClient.SignInAsync(dashboard.BaseAddress, userName)).Client;

    /// <summary>A client application as a script calls the API: its key, no cookie, no cross-site header.</summary>
    private HttpClient Caller(string? key)
    {
        var client = new HttpClient { BaseAddress = dashboard.BaseAddress };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A newly registered client's id; names differ per test, as the tests share one dashboard.</summary>
    private async Task<int> ClientAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("api/clients", new
        {
            name = $"Acme {Guid.NewGuid():N}", contactEmail = "ml-ops@acme.example", allowedModels = new[] { "Mlp2NN" }, spendingLimit = 100, currency = "EUR",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetInt32();
    }

    private static async Task<(int Id, string KeyId, string Secret)> KeyAsync(HttpClient admin, int client, params string[] scopes)
    {
        var response = await admin.PostAsJsonAsync($"api/clients/{client}/keys", new { scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        return (body.GetProperty("id").GetInt32(), body.GetProperty("keyId").GetString()!, body.GetProperty("secret").GetString()!);
    }

    private async Task AssertRefusedAsync(string? key, string code)
    {
        using var caller = Caller(key);

        var response = await caller.GetAsync("api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Me_ValidKey_TheClientsNameAndTheKeysScopes()
    {
        using var admin = await SignedInAsync(DashboardAccounts.AdminName);
        var client = await ClientAsync(admin);
        var key = await KeyAsync(admin, client, "SubmitRequests", "downloadmodels");
        using var caller = Caller(key.Secret);

        var response = await caller.GetAsync("api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal((client, key.KeyId), (body.GetProperty("clientId").GetInt32(), body.GetProperty("keyId").GetString()));
        Assert.StartsWith("Acme ", body.GetProperty("client").GetString());
        Assert.Equal(["SubmitRequests", "DownloadModels"], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Me_ValidKey_NotesTheLastUse()
    {
        using var admin = await SignedInAsync(DashboardAccounts.AdminName);
        var key = await KeyAsync(admin, await ClientAsync(admin), "ReadRequests");
        using var caller = Caller(key.Secret);

        await caller.GetAsync("api/v1/me");

        await using var db = dashboard.Db();
        Assert.NotNull((await db.ClientApiKeys.SingleAsync(k => k.Id == key.Id)).LastUsedAt);
    }

    [Fact]
    public Task Me_NoKey_UnauthorizedMissingKey() => AssertRefusedAsync(null, ClientKeyErrors.MissingKey);

    [Fact]
    public async Task Me_UnknownKeyAndWrongSecretOfARealKeyId_TheSameRefusal()
    {
        using var admin = await SignedInAsync(DashboardAccounts.AdminName);
        var key = await KeyAsync(admin, await ClientAsync(admin), "ReadRequests");
        using var unknown = Caller("fck_0000000000_made-up");
        using var guessed = Caller(key.KeyId + "_guessed");

        var first = await unknown.GetAsync("api/v1/me");
        var second = await guessed.GetAsync("api/v1/me");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (first.StatusCode, second.StatusCode));
        var (a, b) = (await JsonAsync(first), await JsonAsync(second));
        Assert.Equal(ClientKeyErrors.InvalidKey, a.GetProperty("code").GetString());
        Assert.Equal((a.GetProperty("code").GetString(), a.GetProperty("detail").GetString()), (b.GetProperty("code").GetString(), b.GetProperty("detail").GetString()));
        Assert.DoesNotContain(key.KeyId, b.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Me_RevokedKey_UnauthorizedKeyRevoked()
    {
        using var admin = await SignedInAsync(DashboardAccounts.AdminName);
        var key = await KeyAsync(admin, await ClientAsync(admin), "ReadRequests");

        var revoked = await admin.PostAsJsonAsync($"api/client-keys/{key.Id}/revoke", new { reason = "Leaked in a build log" });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var body = await JsonAsync(revoked);
        Assert.Equal(("admin", JsonValueKind.Null), (body.GetProperty("revokedBy").GetString(), body.GetProperty("secret").ValueKind));
        await AssertRefusedAsync(key.Secret, ClientKeyErrors.KeyRevoked);
    }

    [Fact]
    public async Task Me_RotatedOldKey_UnauthorizedAndTheNewOneWorks()
    {
        using var admin = await SignedInAsync(DashboardAccounts.AdminName);
        var old = await KeyAsync(admin, await ClientAsync(admin), "ReadRequests");

        var rotated = await admin.PostAsync($"api/client-keys/{old.Id}/rotate", null);

        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        var successor = await JsonAsync(rotated);
        Assert.Equal(old.Id, successor.GetProperty("replacesId").GetInt32());
        await AssertRefusedAsync(old.Secret, ClientKeyErrors.KeyRevoked);
        using var caller = Caller(successor.GetProperty("secret").GetString());
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Me_SuspendedClient_UnauthorizedUntilResumed()
    {
        using var admin = await SignedInAsync(DashboardAccounts.AdminName);
        var client = await ClientAsync(admin);
        var key = await KeyAsync(admin, client, "ReadRequests");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"api/clients/{client}/suspend", null)).StatusCode);
        await AssertRefusedAsync(key.Secret, ClientKeyErrors.ClientSuspended);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"api/clients/{client}/resume", null)).StatusCode);
        using var caller = Caller(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Me_SignedInOperatorWithoutKey_UnauthorizedForTheCookieCountsForNothing()
    {
        using var olga = await SignedInAsync("olga");

        var response = await olga.GetAsync("api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ClientKeyErrors.MissingKey, (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("api/clients")]
    [InlineData("api/clients/1/keys")]
    [InlineData("api/client-keys/1/rotate")]
    [InlineData("api/client-keys/1/revoke")]
    public async Task AdminPost_NotSignedIn_Unauthorized(string path)
    {
        using var client = SignedInClient.Anonymous(dashboard.BaseAddress);

        var response = await client.PostAsJsonAsync(path, new { });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RegisterClient_AsOperator_ForbiddenAndAudited()
    {
        using var olga = await SignedInAsync("olga");

        var response = await olga.PostAsJsonAsync("api/clients", new { name = "Sneaky", contactEmail = "a@b.example", allowedModels = new[] { "Cnn" }, spendingLimit = 1, currency = "EUR" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = dashboard.Db();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actor == "olga" && e.Action == AuditAction.ClientRegistered && e.Outcome == AuditOutcome.Refused));
        Assert.False(await db.ClientApplications.AnyAsync(c => c.Name == "Sneaky"));
    }

    [Theory]
    [InlineData("""{ "name": "x", "contactEmail": "a@b.example", "allowedModels": ["Resnet"], "spendingLimit": 1, "currency": "EUR" }""", "allowedModels",
        "There is no model 'Resnet'; the models are Mlp2NN, Cnn.")]
    [InlineData("""{ "name": "x", "contactEmail": "nobody", "allowedModels": ["Cnn"], "spendingLimit": 1, "currency": "EUR" }""", "contactEmail",
        "'nobody' is not an e-mail address such as ops@example.com.")]
    public async Task RegisterClient_BadInput_BadRequestAtTheField(string body, string field, string message)
    {
        using var admin = await SignedInAsync(DashboardAccounts.AdminName);

        var response = await admin.PostAsync("api/clients", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await JsonAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task IssueKey_UnknownScope_BadRequestAtTheScopesAndNoKey()
    {
        using var admin = await SignedInAsync(DashboardAccounts.AdminName);
        var client = await ClientAsync(admin);

        var response = await admin.PostAsJsonAsync($"api/clients/{client}/keys", new { scopes = new[] { "ReadRequests", "Everything" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("There is no scope 'Everything'; the scopes are SubmitRequests, ReadRequests, DownloadModels.",
            (await JsonAsync(response)).GetProperty("errors").GetProperty("scopes")[0].GetString());
        await using var db = dashboard.Db();
        Assert.False(await db.ClientApiKeys.AnyAsync(k => k.ClientId == client));
    }

    [Fact]
    public async Task IssueKey_StoresOnlyTheHashOfTheSecretItAnswersOnce()
    {
        using var admin = await SignedInAsync(DashboardAccounts.AdminName);

        var key = await KeyAsync(admin, await ClientAsync(admin), "ReadRequests");

        await using var db = dashboard.Db();
        Assert.Equal(Secrets.Hash(key.Secret), (await db.ClientApiKeys.SingleAsync(k => k.Id == key.Id)).SecretHash);
    }

    [Fact]
    public async Task RevokeKey_Twice_Conflict()
    {
        using var admin = await SignedInAsync(DashboardAccounts.AdminName);
        var key = await KeyAsync(admin, await ClientAsync(admin), "ReadRequests");
        await admin.PostAsJsonAsync($"api/client-keys/{key.Id}/revoke", new { reason = "Leaked" });

        var response = await admin.PostAsJsonAsync($"api/client-keys/{key.Id}/revoke", new { reason = "Leaked" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
