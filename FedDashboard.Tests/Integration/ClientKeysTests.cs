using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Security;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Administrators' API keys through the real services on PostgreSQL, and what a key proves when a call presents it
/// (<see cref="ClientKeyCheck"/>); the clock stands still unless a test moves it.
/// </summary>
public sealed class ClientKeysTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private FedTestHost _host = null!;
    private int _client;

    private ClientKeys Keys => _host.Get<ClientKeys>();
    private ClientKeyCheck Check => _host.Get<ClientKeyCheck>();

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 5, clock: _clock);
        _client = (await _host.Get<ClientRegistry>().RegisterAsync(TestClients.Administrator, TestClients.Details())).Id;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<IssuedClientKey> IssueAsync(ClientKeyScopes scopes = ClientKeyScopes.SubmitRequests | ClientKeyScopes.ReadRequests, int? validForDays = null) =>
        Keys.IssueAsync(TestClients.Administrator, _client, scopes, validForDays);

    private async Task<List<ClientApiKey>> StoredAsync()
    {
        await using var db = _host.Db();
        return await db.ClientApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync();
    }

    private async Task<List<AuditEntry>> KeyAuditAsync(AuditOutcome outcome) =>
        [.. (await _host.AuditAsync(outcome)).Where(e => e.Action is AuditAction.ClientKeyIssued or AuditAction.ClientKeyRotated or AuditAction.ClientKeyRevoked)];

    [Fact]
    public async Task IssueAsync_AsAdministrator_StoresOnlyTheHashOfTheSecretItReturns()
    {
        var issued = await IssueAsync(validForDays: 30);

        Assert.Matches("^fck_[0-9A-Z]{10}$", issued.Key.KeyId);
        Assert.StartsWith(issued.Key.KeyId + "_", issued.Secret);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal((Secrets.Hash(issued.Secret), _client, ClientKeyScopes.SubmitRequests | ClientKeyScopes.ReadRequests, "ada", TestData.Now, TestData.Now.AddDays(30)),
            (stored.SecretHash, stored.ClientId, stored.Scopes, stored.CreatedBy, stored.CreatedAt, stored.ExpiresAt));
    }

    [Fact]
    public async Task IssueAsync_AsAdministrator_AuditsTheKeyWithoutItsSecretOrHash()
    {
        var issued = await IssueAsync();

        var row = Assert.Single(await KeyAuditAsync(AuditOutcome.Done));
        Assert.Equal(("ada", AuditAction.ClientKeyIssued, AuditSubject.ClientKey, issued.Key.Id.ToString()), (row.Actor, row.Action, row.Subject, row.SubjectId));
        Assert.Equal(issued.Key.KeyId, AuditReading.State<ClientApiKeyState>(row.After)!.KeyId);
        Assert.DoesNotContain(issued.Secret, row.After);
        Assert.DoesNotContain(issued.Key.SecretHash, row.After);
    }

    [Theory]
    [InlineData(ClientKeyScopes.None, null, "scopes", "A key needs at least one scope (SubmitRequests, ReadRequests, DownloadModels).")]
    [InlineData((ClientKeyScopes)8, null, "scopes", "The scopes are SubmitRequests, ReadRequests, DownloadModels; 8 names others.")]
    [InlineData(ClientKeyScopes.ReadRequests, 0, "validForDays", "A key is valid for 1 to 730 days, or without end; was 0.")]
    [InlineData(ClientKeyScopes.ReadRequests, 731, "validForDays", "A key is valid for 1 to 730 days, or without end; was 731.")]
    public async Task IssueAsync_BadInput_RefusedAtTheFieldAndNothingStored(ClientKeyScopes scopes, int? days, string field, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => IssueAsync(scopes, days));

        Assert.Equal((message, field), (error.Message, error.Field));
        Assert.Empty(await StoredAsync());
        Assert.Empty(await KeyAuditAsync(AuditOutcome.Done));
    }

    [Fact]
    public async Task IssueAsync_NotAdministrator_RefusedAuditedAndNothingStored()
    {
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Keys.IssueAsync(TestData.Operator, _client, ClientKeyScopes.All, null));

        Assert.Equal($"olivia may not issue API keys to client {_client} without the administrator role.", error.Message);
        Assert.Empty(await StoredAsync());
        Assert.Equal(AuditAction.ClientKeyIssued, Assert.Single(await KeyAuditAsync(AuditOutcome.Refused)).Action);
    }

    [Fact]
    public async Task IssueAsync_UnknownClient_NotFound()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => Keys.IssueAsync(TestClients.Administrator, 999, ClientKeyScopes.All, null));

        Assert.Equal("There is no client 999.", error.Message);
    }

    [Fact]
    public async Task IssueAsync_SuspendedClient_ConflictAndNothingStored()
    {
        await _host.Get<ClientRegistry>().SuspendAsync(TestClients.Administrator, _client);

        var error = await Assert.ThrowsAsync<ConflictException>(() => IssueAsync());

        Assert.Equal("Client Acme Vision is suspended; resume it before it gets keys.", error.Message);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task RotateAsync_AsAdministrator_RevokesTheOldKeyAndIssuesASuccessorWithItsScopesAndValidity()
    {
        var old = await IssueAsync(ClientKeyScopes.DownloadModels, validForDays: 10);
        _clock.Advance(TimeSpan.FromDays(2));

        var successor = await Keys.RotateAsync(TestClients.Administrator, old.Key.Id);

        var stored = await StoredAsync();
        Assert.Equal(2, stored.Count);
        Assert.Equal(("ada", $"Rotated: replaced by {successor.Key.KeyId}.", TestData.Now.AddDays(2)), (stored[0].RevokedBy, stored[0].RevokeReason, stored[0].RevokedAt));
        Assert.Equal((ClientKeyScopes.DownloadModels, old.Key.Id, TestData.Now.AddDays(12), Secrets.Hash(successor.Secret)),
            (stored[1].Scopes, stored[1].ReplacesId, stored[1].ExpiresAt, stored[1].SecretHash));
        Assert.NotEqual(old.Key.KeyId, successor.Key.KeyId);
        Assert.Equal(AuditAction.ClientKeyRotated, (await KeyAuditAsync(AuditOutcome.Done)).Last().Action);
    }

    [Fact]
    public async Task RotateAsync_RevokedKey_ConflictAndNoSuccessor()
    {
        var old = await IssueAsync();
        await Keys.RevokeAsync(TestClients.Administrator, old.Key.Id, "Leaked in a log");

        var error = await Assert.ThrowsAsync<ConflictException>(() => Keys.RotateAsync(TestClients.Administrator, old.Key.Id));

        Assert.StartsWith($"Key {old.Key.KeyId} was revoked already, by ada", error.Message);
        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task RotateAsync_NotAdministrator_RefusedAuditedAndTheKeyStillWorks()
    {
        var old = await IssueAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Keys.RotateAsync(TestData.Operator, old.Key.Id));

        Assert.NotNull((await Check.CheckAsync(old.Secret, default)).Client);
        Assert.Single(await StoredAsync());
        Assert.Equal(AuditAction.ClientKeyRotated, Assert.Single(await KeyAuditAsync(AuditOutcome.Refused)).Action);
    }

    [Fact]
    public async Task RotateAndRevoke_AtOnce_OneWinsAndNoActiveSuccessorOutlivesARevocation()
    {
        var old = await IssueAsync();

        var rotate = Keys.RotateAsync(TestClients.Administrator, old.Key.Id);
        var revoke = Keys.RevokeAsync(TestClients.Administrator, old.Key.Id, "Leaked");
        var outcomes = await Task.WhenAll(Outcome(rotate), Outcome(revoke));

        // Whichever locked the key first went through; the other found it revoked.
        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is ConflictException);
        var stored = await StoredAsync();
        Assert.Equal(rotate.IsCompletedSuccessfully ? 2 : 1, stored.Count);
        Assert.NotNull(stored[0].RevokedAt);
    }

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task RevokeAsync_NoReason_RefusedAtTheReasonAndStillActive(string? reason)
    {
        var issued = await IssueAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Keys.RevokeAsync(TestClients.Administrator, issued.Key.Id, reason));

        Assert.Equal("reason", error.Field);
        Assert.Null(Assert.Single(await StoredAsync()).RevokedAt);
    }

    [Fact]
    public async Task RevokeAsync_NotAdministrator_RefusedAuditedAndStillActive()
    {
        var issued = await IssueAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Keys.RevokeAsync(TestData.Viewer, issued.Key.Id, "Leaked"));

        Assert.Null(Assert.Single(await StoredAsync()).RevokedAt);
        Assert.Equal(AuditAction.ClientKeyRevoked, Assert.Single(await KeyAuditAsync(AuditOutcome.Refused)).Action);
    }

    [Fact]
    public async Task RevokeAsync_Twice_SecondConflict()
    {
        var issued = await IssueAsync();
        await Keys.RevokeAsync(TestClients.Administrator, issued.Key.Id, "Leaked");

        await Assert.ThrowsAsync<ConflictException>(() => Keys.RevokeAsync(TestClients.Administrator, issued.Key.Id, "Leaked again"));
    }

    [Fact]
    public async Task CheckAsync_ActiveKey_ProvesTheClientAndScopes()
    {
        var issued = await IssueAsync();

        var outcome = await Check.CheckAsync(issued.Secret, default);

        Assert.Equal(new AuthenticatedClient(_client, "Acme Vision", issued.Key.Id, issued.Key.KeyId, ClientKeyScopes.SubmitRequests | ClientKeyScopes.ReadRequests),
            outcome.Client);
    }

    [Fact]
    public async Task CheckAsync_ManyCallsWithinAMinute_NotesTheLastUseOnceAMinute()
    {
        var issued = await IssueAsync();

        await Check.CheckAsync(issued.Secret, default);
        _clock.Advance(TimeSpan.FromSeconds(59));
        await Check.CheckAsync(issued.Secret, default);
        var withinTheMinute = Assert.Single(await StoredAsync()).LastUsedAt;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Check.CheckAsync(issued.Secret, default);

        Assert.Equal(TestData.Now, withinTheMinute);
        Assert.Equal(TestData.Now.AddSeconds(60), Assert.Single(await StoredAsync()).LastUsedAt);
    }

    [Fact]
    public async Task CheckAsync_UnknownSecretAndWrongSecretForARealKeyId_SameRefusal()
    {
        var issued = await IssueAsync();

        var made = await Check.CheckAsync("fck_0000000000_nothing", default);
        var guessed = await Check.CheckAsync(issued.Key.KeyId + "_guessed", default);

        Assert.Equal((ClientKeyErrors.InvalidKey, "The API key is not one this server issued."), (made.Code, made.Message));
        Assert.Equal((made.Code, made.Message), (guessed.Code, guessed.Message));
        Assert.Null(Assert.Single(await StoredAsync()).LastUsedAt);
    }

    [Fact]
    public async Task CheckAsync_RevokedExpiredOrSuspended_RefusedWithTheirCodes()
    {
        var revoked = await IssueAsync();
        await Keys.RevokeAsync(TestClients.Administrator, revoked.Key.Id, "Leaked");
        var expiring = await IssueAsync(validForDays: 1);
        var active = await IssueAsync();
        _clock.Advance(TimeSpan.FromDays(1));
        var beforeSuspension = await Check.CheckAsync(active.Secret, default);
        await _host.Get<ClientRegistry>().SuspendAsync(TestClients.Administrator, _client);

        Assert.Equal(ClientKeyErrors.KeyRevoked, (await Check.CheckAsync(revoked.Secret, default)).Code);
        Assert.Equal(ClientKeyErrors.KeyExpired, (await Check.CheckAsync(expiring.Secret, default)).Code);
        Assert.NotNull(beforeSuspension.Client);
        Assert.Equal(ClientKeyErrors.ClientSuspended, (await Check.CheckAsync(active.Secret, default)).Code);
    }
}
