using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FedDashboard.Tests.Integration;

/// <summary>An operator revokes a terminal's credentials through the real service on PostgreSQL; one terminal holds two issued to it by hand.</summary>
public sealed class CredentialRevocationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private FedTestHost _host = null!;
    private int _terminal;
    private string _name = "";

    private CredentialRevocation Revocation => _host.Get<CredentialRevocation>();

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 5, clock: _clock);
        await using var db = _host.Db();
        var terminal = await db.Terminals.OrderBy(t => t.Id).FirstAsync();
        (_terminal, _name) = (terminal.Id, terminal.Name);
        // The credential it enrolled with, which gave way to the fleet's derived one at once; these tests are about an operator's revocations.
        await db.TerminalCredentials.Where(c => c.TerminalId == _terminal && c.RevokedAt != null).ExecuteDeleteAsync();
        // The one this terminal was issued, and one left from before its latest rotation: both work until revoked.
        db.TerminalCredentials.Add(new TerminalCredential(_terminal, TerminalSecrets.Hash(TerminalSecrets.NewCredential()), TestData.Now.AddHours(-2)));
        db.TerminalCredentials.Add(new TerminalCredential(_terminal, TerminalSecrets.Hash(TerminalSecrets.NewCredential()), TestData.Now.AddHours(-1)));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<List<TerminalCredential>> CredentialsAsync(int terminalId)
    {
        await using var db = _host.Db();
        return await db.TerminalCredentials.AsNoTracking().Where(c => c.TerminalId == terminalId).OrderBy(c => c.Id).ToListAsync();
    }

    private async Task<int> EdgeAsync()
    {
        await using var db = _host.Db();
        return await db.EdgeServers.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
    }

    private async Task<List<AuditEntry>> TerminalAuditAsync(AuditOutcome outcome) =>
        [.. (await _host.AuditAsync(outcome)).Where(e => e.Subject == AuditSubject.Terminal && e.Action == AuditAction.CredentialRevoked)];

    [Fact]
    public async Task RevokeAsync_AsOperator_RevokesEveryActiveCredentialWithTheReason()
    {
        _clock.Advance(TimeSpan.FromMinutes(3));

        var revoked = await Revocation.RevokeAsync(TestData.Operator, _terminal, "  Phone reported stolen  ");

        var stored = await CredentialsAsync(_terminal);
        Assert.Equal(stored.Select(c => c.Id), revoked.Select(c => c.Id));
        Assert.All(stored, c => Assert.Equal(("olivia", "Phone reported stolen", TestData.Now.AddMinutes(3)), (c.RevokedBy, c.RevokeReason, c.RevokedAt)));
    }

    [Fact]
    public async Task RevokeAsync_AsOperator_AuditedWithTheCredentialsBeforeAndAfter()
    {
        var before = (await CredentialsAsync(_terminal)).Select(TerminalCredentialState.Of).ToList();

        await Revocation.RevokeAsync(TestData.Operator, _terminal, "Left the programme");

        var row = Assert.Single(await TerminalAuditAsync(AuditOutcome.Done));
        Assert.Equal(("olivia", AuditAction.CredentialRevoked, _terminal.ToString(), "Left the programme"), (row.Actor, row.Action, row.SubjectId, row.Detail));
        Assert.Equal(before, AuditReading.State<List<TerminalCredentialState>>(row.Before));
        Assert.Equal((await CredentialsAsync(_terminal)).Select(TerminalCredentialState.Of), AuditReading.State<List<TerminalCredentialState>>(row.After)!);
    }

    [Fact]
    public async Task RevokeAsync_EnrolledAgentCheckedJustBefore_ItsNextCallIsRefusedSayingWhoAndWhy()
    {
        var issued = await _host.Get<EnrolmentCodes>().CreateAsync(TestData.Operator, await EdgeAsync(), 1, 1);
        var enrolled = await _host.Get<EnrolmentDesk>().EnrolAsync(
            new EnrolRequest(issued.Text, "field-phone", "Phone", "Mid", "camera", 600, TestData.Now.AddDays(-1), false, "agent-1.0"), TerminalOrigin.Agent, default);
        var gate = _host.Get<TerminalGate>();
        await gate.AuthenticateAsync(enrolled.Credential, default);

        await Revocation.RevokeAsync(TestData.Operator, enrolled.TerminalId, "Phone reported stolen");

        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(() => gate.AuthenticateAsync(enrolled.Credential, default));
        Assert.Equal(ProtocolError.CredentialRevoked, refusal.Code);
        Assert.Contains("olivia", refusal.Message);
        Assert.Contains("Phone reported stolen", refusal.Message);
    }

    [Fact]
    public async Task RevokeAsync_RevokedBefore_KeepsTheEarlierRevocation()
    {
        await Revocation.RevokeAsync(TestData.Operator, _terminal, "first");
        await using (var db = _host.Db())
        {
            db.TerminalCredentials.Add(new TerminalCredential(_terminal, TerminalSecrets.Hash(TerminalSecrets.NewCredential()), TestData.Now));
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromHours(1));

        var revoked = await Revocation.RevokeAsync(Actor.User("otto", Roles.Operator), _terminal, "second");

        var stored = await CredentialsAsync(_terminal);
        Assert.Equal([.. stored.SkipLast(1).Select(_ => "first"), "second"], stored.Select(c => c.RevokeReason));
        Assert.Equal((stored[^1].Id, "otto"), (Assert.Single(revoked).Id, revoked[0].RevokedBy));
    }

    [Fact]
    public async Task RevokeAsync_NoActiveCredential_ConflictAndNothingAudited()
    {
        await Revocation.RevokeAsync(TestData.Operator, _terminal, "first");

        var error = await Assert.ThrowsAsync<ConflictException>(() => Revocation.RevokeAsync(TestData.Operator, _terminal, "again"));

        Assert.Equal($"Terminal {_name} has no active credential to revoke.", error.Message);
        Assert.Single(await TerminalAuditAsync(AuditOutcome.Done));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task RevokeAsync_NoReason_RefusedAtTheFieldAndStillActive(string? reason)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Revocation.RevokeAsync(TestData.Operator, _terminal, reason));

        Assert.Equal(("Say why the terminal's credentials are revoked; its owner and other operators read it on the terminal's page.", "reason"), (error.Message, error.Field));
        Assert.All(await CredentialsAsync(_terminal), c => Assert.False(c.IsRevoked));
    }

    [Fact]
    public async Task RevokeAsync_ReasonTooLong_RefusedAtTheField()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Revocation.RevokeAsync(TestData.Operator, _terminal, new string('x', 501)));

        Assert.Equal(("A reason has at most 500 characters (was 501).", "reason"), (error.Message, error.Field));
    }

    [Fact]
    public async Task RevokeAsync_UnknownTerminal_NotFound()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => Revocation.RevokeAsync(TestData.Operator, 777_777, "gone"));

        Assert.Equal("There is no terminal 777777.", error.Message);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Approver)]
    public async Task RevokeAsync_WithoutOperatorRole_RefusedAuditedAndStillActive(string role)
    {
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Revocation.RevokeAsync(Actor.User("sam", role), _terminal, "because"));

        Assert.Equal($"sam may not revoke the credentials of terminal {_terminal} without the operator role.", error.Message);
        Assert.All(await CredentialsAsync(_terminal), c => Assert.False(c.IsRevoked));
        var refusal = Assert.Single(await TerminalAuditAsync(AuditOutcome.Refused));
        Assert.Equal(("sam", AuditAction.CredentialRevoked, _terminal.ToString()), (refusal.Actor, refusal.Action, refusal.SubjectId));
    }
}
