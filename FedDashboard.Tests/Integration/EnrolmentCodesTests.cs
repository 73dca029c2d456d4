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

/// <summary>Operators' enrolment codes through the real service on PostgreSQL; the orchestrator's clock stands still unless a test moves it.</summary>
public sealed class EnrolmentCodesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private FedTestHost _host = null!;
    private int _edge;

    /// <summary>Codes the host made for itself at start (the embedded fleet enrols through the protocol too); the tests look past them.</summary>
    private HashSet<int> _atStart = [];

    private EnrolmentCodes Codes => _host.Get<EnrolmentCodes>();

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 5, clock: _clock);
        await using var db = _host.Db();
        _edge = await db.EdgeServers.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        _atStart = [.. await db.EnrolmentCodes.Select(c => c.Id).ToListAsync()];
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<EnrolmentCode> StoredAsync(int id)
    {
        await using var db = _host.Db();
        return await db.EnrolmentCodes.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>A terminal agent enrols with the code's text, as it would over the network.</summary>
    private Task<Enrolled> EnrolAsync(string code) => _host.Get<EnrolmentDesk>().EnrolAsync(
        new EnrolRequest(code, "field-phone", "Phone", "Mid", "camera", 600, TestData.Now.AddDays(-1), false, "agent-1.0"), TerminalOrigin.Agent, default);

    private async Task<List<AuditEntry>> CodeAuditAsync(AuditOutcome outcome) =>
        [.. (await _host.AuditAsync(outcome)).Where(e => e.Subject == AuditSubject.EnrolmentCode && !_atStart.Contains(int.TryParse(e.SubjectId, out var id) ? id : 0))];

    private async Task AssertNothingStoredAsync()
    {
        await using var db = _host.Db();
        Assert.Equal(_atStart.Count, await db.EnrolmentCodes.CountAsync());
        Assert.Empty(await CodeAuditAsync(AuditOutcome.Done));
    }

    [Fact]
    public async Task CreateAsync_AsOperator_StoresOnlyTheHashOfTheTextItReturns()
    {
        var issued = await Codes.CreateAsync(TestData.Operator, _edge, validForHours: 48, maxUses: 3);

        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", issued.Text);
        var stored = await StoredAsync(issued.Code.Id);
        Assert.Equal(TerminalSecrets.Hash(TerminalSecrets.NormalizeCode(issued.Text)), stored.CodeHash);
        Assert.Equal((_edge, issued.Text[^4..], "olivia", TestData.Now, TestData.Now.AddHours(48), 3, 0),
            (stored.EdgeId, stored.Hint, stored.CreatedBy, stored.CreatedAt, stored.ExpiresAt, stored.MaxUses, stored.Uses));
    }

    [Fact]
    public async Task CreateAsync_AsOperator_AuditsTheCodeWithoutItsTextOrHash()
    {
        var issued = await Codes.CreateAsync(TestData.Operator, _edge, validForHours: 1, maxUses: 1);

        var row = Assert.Single(await CodeAuditAsync(AuditOutcome.Done));
        Assert.Equal(("olivia", AuditAction.EnrolmentCodeCreated, issued.Code.Id.ToString(), TestData.Now), (row.Actor, row.Action, row.SubjectId, row.At));
        Assert.Null(row.Before);
        Assert.Equal(EnrolmentCodeState.Of(issued.Code), AuditReading.State<EnrolmentCodeState>(row.After));
        Assert.DoesNotContain(TerminalSecrets.NormalizeCode(issued.Text), row.After);
        Assert.DoesNotContain(issued.Code.CodeHash, row.After);
    }

    [Theory]
    [InlineData(0, "A code is valid for more than 0 and at most 720 hours (30 days); was 0.")]
    [InlineData(-2, "A code is valid for more than 0 and at most 720 hours (30 days); was -2.")]
    [InlineData(720.5, "A code is valid for more than 0 and at most 720 hours (30 days); was 720.5.")]
    [InlineData(double.NaN, "A code is valid for more than 0 and at most 720 hours (30 days); was NaN.")]
    public async Task CreateAsync_ValidityOutOfBounds_RefusedAtTheFieldAndNothingStored(double hours, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Codes.CreateAsync(TestData.Operator, _edge, hours, 1));

        Assert.Equal((message, "validForHours"), (error.Message, error.Field));
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(EnrolmentCode.MaxUsesLimit + 1)]
    public async Task CreateAsync_UsesOutOfBounds_RefusedAtTheFieldAndNothingStored(int uses)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Codes.CreateAsync(TestData.Operator, _edge, 24, uses));

        Assert.Equal(($"A code is used by 1 to 100,000 terminals; was {uses}.", "maxUses"), (error.Message, error.Field));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task CreateAsync_LongestValidityAndMostUses_Accepted()
    {
        var issued = await Codes.CreateAsync(TestData.Operator, _edge, EnrolmentCodes.LongestValidityHours, EnrolmentCode.MaxUsesLimit);

        Assert.Equal(TestData.Now + EnrolmentCode.LongestValidity, (await StoredAsync(issued.Code.Id)).ExpiresAt);
    }

    [Fact]
    public async Task CreateAsync_UnknownEdge_NotFoundAndNothingStored()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => Codes.CreateAsync(TestData.Operator, 9999, 24, 1));

        Assert.Equal("There is no edge 9999.", error.Message);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Approver)]
    public async Task CreateAsync_WithoutOperatorRole_RefusedAuditedAndNothingStored(string role)
    {
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Codes.CreateAsync(Actor.User("sam", role), _edge, 24, 1));

        Assert.Equal($"sam may not create an enrolment code for edge {_edge} without the operator role.", error.Message);
        await AssertNothingStoredAsync();
        var refusal = Assert.Single(await CodeAuditAsync(AuditOutcome.Refused));
        Assert.Equal(("sam", AuditAction.EnrolmentCodeCreated, EnrolmentCodes.NewCode), (refusal.Actor, refusal.Action, refusal.SubjectId));
    }

    [Fact]
    public async Task ListAsync_CodesInEveryStatus_NewestFirstWithTheirStatusNow()
    {
        var expiring = await Codes.CreateAsync(TestData.Operator, _edge, validForHours: 1, maxUses: 1);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var usedUp = await Codes.CreateAsync(TestData.Operator, _edge, validForHours: 24, maxUses: 1);
        await EnrolAsync(usedUp.Text);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var revoked = await Codes.CreateAsync(TestData.Operator, _edge, validForHours: 24, maxUses: 1);
        await Codes.RevokeAsync(TestData.Operator, revoked.Code.Id);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var active = await Codes.CreateAsync(TestData.Operator, _edge, validForHours: 24, maxUses: 5);
        _clock.Advance(TimeSpan.FromMinutes(58));

        var listed = (await Codes.ListAsync()).Where(c => !_atStart.Contains(c.Id)).ToList();

        Assert.Equal(
            [(active.Code.Id, "Active"), (revoked.Code.Id, "Revoked"), (usedUp.Code.Id, "Used up"), (expiring.Code.Id, "Expired")],
            listed.Select(c => (c.Id, c.StatusText)));
        Assert.Equal(("edge-1", active.Text[^4..], 0, 5, "olivia"), (listed[0].Edge, listed[0].Hint, listed[0].Uses, listed[0].MaxUses, listed[0].CreatedBy));
    }

    [Fact]
    public async Task RevokeAsync_ActiveCode_RevokedByTheOperatorAndAudited()
    {
        var issued = await Codes.CreateAsync(TestData.Operator, _edge, 24, 1);
        _clock.Advance(TimeSpan.FromMinutes(5));

        await Codes.RevokeAsync(Actor.User("otto", Roles.Operator), issued.Code.Id);

        var stored = await StoredAsync(issued.Code.Id);
        Assert.Equal(("otto", TestData.Now.AddMinutes(5)), (stored.RevokedBy, stored.RevokedAt));
        Assert.Equal(EnrolmentCodeRefusal.Revoked, stored.RefusalAt(_clock.GetUtcNow()));
        var row = (await CodeAuditAsync(AuditOutcome.Done)).Last();
        Assert.Equal(("otto", AuditAction.EnrolmentCodeRevoked, issued.Code.Id.ToString()), (row.Actor, row.Action, row.SubjectId));
        Assert.Null(AuditReading.State<EnrolmentCodeState>(row.Before)!.RevokedAt);
        Assert.Equal(EnrolmentCodeState.Of(stored), AuditReading.State<EnrolmentCodeState>(row.After));
    }

    [Fact]
    public async Task RevokeAsync_ActiveCode_TheNextEnrolmentWithItIsRefused()
    {
        var issued = await Codes.CreateAsync(TestData.Operator, _edge, 24, 2);
        var first = await EnrolAsync(issued.Text);

        await Codes.RevokeAsync(TestData.Operator, issued.Code.Id);

        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(() => EnrolAsync(issued.Text));
        Assert.Equal(ProtocolError.EnrolmentCodeInvalid, refusal.Code);
        Assert.Equal(first.TerminalId, (await _host.Get<TerminalGate>().AuthenticateAsync(first.Credential, default)).TerminalId);
        Assert.Equal(1, (await StoredAsync(issued.Code.Id)).Uses);
    }

    [Fact]
    public async Task RevokeAsync_RevokedAlready_ConflictAndUnchanged()
    {
        var issued = await Codes.CreateAsync(TestData.Operator, _edge, 24, 1);
        await Codes.RevokeAsync(TestData.Operator, issued.Code.Id);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<ConflictException>(() => Codes.RevokeAsync(Actor.User("otto", Roles.Operator), issued.Code.Id));

        Assert.Equal($"The enrolment code ending in {issued.Code.Hint} was revoked already, by olivia at 2026-11-23 12:00 UTC.", error.Message);
        Assert.Equal(("olivia", TestData.Now), ((await StoredAsync(issued.Code.Id)).RevokedBy, (await StoredAsync(issued.Code.Id)).RevokedAt));
        Assert.Equal(2, (await CodeAuditAsync(AuditOutcome.Done)).Count);
    }

    [Fact]
    public async Task RevokeAsync_UnknownCode_NotFound()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => Codes.RevokeAsync(TestData.Operator, 4242));

        Assert.Equal("There is no enrolment code 4242.", error.Message);
    }

    [Fact]
    public async Task RevokeAsync_AsViewer_RefusedAuditedAndStillActive()
    {
        var issued = await Codes.CreateAsync(TestData.Operator, _edge, 24, 1);

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Codes.RevokeAsync(TestData.Viewer, issued.Code.Id));

        Assert.Equal($"vera may not revoke enrolment code {issued.Code.Id} without the operator role.", error.Message);
        Assert.Null((await StoredAsync(issued.Code.Id)).RevokedAt);
        var refusal = Assert.Single(await CodeAuditAsync(AuditOutcome.Refused));
        Assert.Equal(("vera", AuditAction.EnrolmentCodeRevoked), (refusal.Actor, refusal.Action));
    }
}
