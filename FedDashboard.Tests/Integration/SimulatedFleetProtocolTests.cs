using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Simulation;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace FedDashboard.Tests.Integration;

/// <summary>The simulated fleet is a client of the protocol: enrolled with codes, proving itself with credentials it keeps.</summary>
public sealed class SimulatedFleetProtocolTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static int Count(string? json, string name) => JsonDocument.Parse(json!).RootElement.GetProperty(name).GetInt32();

    private Task<AuthenticatedTerminal> AuthenticateAsync(string? credential) => _host.Get<TerminalGate>().AuthenticateAsync(credential, default);

    [Fact]
    public async Task SeedIfEmptyAsync_FreshDatabase_EveryTerminalEnrolledWithASystemCodeAndHeartbeating()
    {
        await using var db = _host.Db();
        var terminals = await db.Terminals.ToListAsync();
        var codes = await db.EnrolmentCodes.ToListAsync();

        Assert.Equal(20, terminals.Count);
        foreach (var terminal in terminals)
        {
            Assert.Equal((TerminalOrigin.Simulated, terminal.Id), (terminal.Origin, (await AuthenticateAsync(_host.Get<SimulatedCredentials>().For(terminal.Id))).TerminalId));
            Assert.NotNull(terminal.OnlineUntil);
        }
        Assert.Equal(20, await db.TerminalCredentials.CountAsync(c => c.RevokedAt == null));
        Assert.Equal(5, codes.Count);
        Assert.All(codes, c => Assert.Equal(("system", c.MaxUses), (c.CreatedBy, c.Uses)));
        Assert.Equal(5, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.EnrolmentCodeCreated && a.Actor == "system"));
        Assert.Equal(20, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.TerminalEnrolled));
    }

    [Fact]
    public async Task PrepareAsync_Restart_SimulatedTerminalsKeepTheirDerivedCredentialsAndAgentsTheirs()
    {
        var agent = await _host.EnrolAgentAsync();
        var credentials = _host.Get<SimulatedCredentials>();
        int terminalId;
        await using (var db = _host.Db()) terminalId = await db.Terminals.Where(t => t.Origin == TerminalOrigin.Simulated).Select(t => t.Id).FirstAsync();
        var before = credentials.For(terminalId);

        await FedStartup.PrepareAsync(_host.Services);

        Assert.Equal(before, credentials.For(terminalId));
        Assert.Equal(terminalId, (await AuthenticateAsync(before)).TerminalId);
        Assert.Equal(agent.TerminalId, (await AuthenticateAsync(agent.Credential)).TerminalId);
        await using var check = _host.Db();
        // Once, at seeding: the enrolment's random credentials gave way to derived ones.
        var reissued = await check.AuditEntries.SingleAsync(a => a.Action == AuditAction.FleetCredentialsReissued);
        Assert.Equal("system", reissued.Actor);
        Assert.Equal(21, await check.TerminalCredentials.CountAsync(c => c.RevokedAt == null));
        Assert.Equal(20, await check.TerminalCredentials.CountAsync(c => c.RevokedBy == "system"));
        Assert.False(await check.TerminalCredentials.AnyAsync(c => c.TerminalId == agent.TerminalId && c.RevokedAt != null));
    }

    [Fact]
    public async Task PrepareAsync_OneRevokedByAnOperatorOneRotated_ReissuesBothRevokesTheRandomOneKeepsTheRest()
    {
        var credentials = _host.Get<SimulatedCredentials>();
        List<int> ids;
        await using (var db = _host.Db()) ids = await db.Terminals.Where(t => t.Origin == TerminalOrigin.Simulated).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var (revokedId, rotatedId) = (ids[0], ids[1]);
        await using (var db = _host.Db())
        {
            (await db.TerminalCredentials.SingleAsync(c => c.TerminalId == revokedId && c.RevokedAt == null)).Revoke("olivia", "Lost device.", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        _host.Get<TerminalGate>().Forget(revokedId);
        var rotated = await _host.Get<InProcessTerminalChannel>().RotateCredentialAsync(credentials.For(rotatedId)!, default);
        var kept = ids.Skip(2).ToDictionary(id => id, id => credentials.For(id));

        await FedStartup.PrepareAsync(_host.Services);

        await using var check = _host.Db();
        var active = await check.TerminalCredentials.Where(c => c.RevokedAt == null).ToListAsync();
        Assert.Equal(ids, active.Select(c => c.TerminalId).Order());
        Assert.All(kept, k => Assert.Equal(k.Value, credentials.For(k.Key)));
        Assert.Equal(revokedId, (await AuthenticateAsync(credentials.For(revokedId))).TerminalId);
        Assert.Equal(rotatedId, (await AuthenticateAsync(credentials.For(rotatedId))).TerminalId);
        var refused = await Assert.ThrowsAsync<TerminalProtocolException>(() => AuthenticateAsync(rotated.Credential));
        Assert.Equal(ProtocolError.CredentialRevoked, refused.Code);
        // The operator's revocation stands as it was; the rotated random one gave way to a derived one.
        Assert.Equal("olivia", (await check.TerminalCredentials.Where(c => c.TerminalId == revokedId && c.RevokedAt != null).OrderBy(c => c.Id).LastAsync()).RevokedBy);
        Assert.Equal("system", (await check.TerminalCredentials.SingleAsync(c => c.SecretHash == TerminalSecrets.Hash(rotated.Credential))).RevokedBy);
        var reissued = await check.AuditEntries.Where(a => a.Action == AuditAction.FleetCredentialsReissued).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, reissued.Count);
        Assert.Equal((1, 2), (Count(reissued[1].Before, "revoked"), Count(reissued[1].After, "issued")));
    }

    [Fact]
    public async Task PrepareAsync_SecondNodeOnTheDatabase_HoldsTheSameCredentialsAndRevokesNone()
    {
        await using var other = await _host.StartNodeAsync(new Dictionary<string, string?> { ["Fed:Node:Name"] = "second" }, runWorkers: false);

        await using var db = _host.Db();
        var ids = await db.Terminals.Where(t => t.Origin == TerminalOrigin.Simulated).Select(t => t.Id).ToListAsync();
        Assert.All(ids, id => Assert.Equal(_host.Get<SimulatedCredentials>().For(id), other.Get<SimulatedCredentials>().For(id)));
        Assert.Equal(ids.Count, await db.TerminalCredentials.CountAsync(c => c.RevokedAt == null));
        Assert.Equal(ids[0], (await AuthenticateAsync(other.Get<SimulatedCredentials>().For(ids[0]))).TerminalId);
    }

    [Fact]
    public async Task TickAsync_OneTerminalsCredentialRevoked_ItFallsSilentWhileTheOthersHeartbeat()
    {
        int revokedId;
        await using (var db = _host.Db())
        {
            var credential = await db.TerminalCredentials.Where(c => c.RevokedAt == null).OrderBy(c => c.TerminalId).FirstAsync();
            revokedId = credential.TerminalId;
            credential.Revoke("olivia", "Lost device.", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        _host.Get<TerminalGate>().Forget(revokedId);
        DateTimeOffset? seeded;
        await using (var db = _host.Db()) seeded = (await db.Terminals.SingleAsync(t => t.Id == revokedId)).OnlineUntil;

        await _host.Get<FleetEngine>().TickAsync(DateTimeOffset.UtcNow, default);
        await _host.Get<TerminalLiveness>().FlushAsync(default);

        await using var check = _host.Db();
        var terminals = await check.Terminals.ToDictionaryAsync(t => t.Id);
        Assert.Equal(seeded, terminals[revokedId].OnlineUntil);
        Assert.Null(_host.Get<SimulatedCredentials>().For(revokedId));
        Assert.Equal(1, (await check.TerminalRefusalCounts.SingleAsync(r => r.TerminalId == revokedId)).Count);
        // A simulated device drops off the network with 0.3 % a tick, so nearly all the others heartbeat.
        Assert.True(terminals.Values.Count(t => t.OnlineUntil > seeded) >= 18);
    }
}
