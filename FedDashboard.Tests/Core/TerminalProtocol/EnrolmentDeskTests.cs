using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FedDashboard.Tests.Core.TerminalProtocol;

public sealed class EnrolmentDeskTests
{
    [Fact]
    public async Task A_terminal_enrols_with_a_code_and_proves_itself_with_the_credential_it_gets()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: false, terminals: 2);
        var (code, edge) = await IssueCodeAsync(host, maxUses: 2);

        var enrolled = await host.Get<EnrolmentDesk>().EnrolAsync(Request(code.ToLowerInvariant().Replace("-", " ")), TerminalOrigin.Agent, default);

        Assert.Equal(edge.Id, enrolled.EdgeId);
        Assert.Equal((edge.CenterX, edge.CenterY), (enrolled.EdgeX, enrolled.EdgeY));
        Assert.Equal(enrolled.TerminalId, (await host.Get<TerminalGate>().AuthenticateAsync(enrolled.Credential, default)).TerminalId);
        await using var db = host.Db();
        var terminal = await db.Terminals.SingleAsync(t => t.Id == enrolled.TerminalId);
        Assert.Equal((TerminalOrigin.Agent, "agent-1.0", 600, 2), (terminal.Origin, terminal.AgentVersion, terminal.DataSamples, terminal.DataOrdinal));
        Assert.NotEqual(enrolled.Credential, (await db.TerminalCredentials.SingleAsync(c => c.TerminalId == terminal.Id)).SecretHash);
        Assert.Equal(1, (await db.EnrolmentCodes.SingleAsync(c => c.CreatedBy == "operator")).Uses);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.TerminalEnrolled && a.SubjectId == terminal.Id.ToString());
        Assert.Equal(($"terminal:{terminal.Name}", terminal.Id.ToString()), (audit.Actor, audit.SubjectId));
    }

    [Fact]
    public async Task An_unknown_expired_revoked_or_used_up_code_is_refused_with_its_code_and_enrols_nobody()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await FedTestHost.StartAsync(runWorkers: false, terminals: 2, clock: clock);
        var desk = host.Get<EnrolmentDesk>();
        var (once, _) = await IssueCodeAsync(host, maxUses: 1);
        await desk.EnrolAsync(Request(once), TerminalOrigin.Agent, default);

        Assert.Equal(ProtocolError.EnrolmentCodeUsedUp, (await Refusal(() => desk.EnrolAsync(Request(once), TerminalOrigin.Agent, default))).Code);
        Assert.Equal(ProtocolError.EnrolmentCodeInvalid, (await Refusal(() => desk.EnrolAsync(Request("AAAA-BBBB-CCCC-DDDD"), TerminalOrigin.Agent, default))).Code);
        var (later, _) = await IssueCodeAsync(host, maxUses: 5);
        clock.Advance(TimeSpan.FromHours(2));
        var expired = await Refusal(() => desk.EnrolAsync(Request(later), TerminalOrigin.Agent, default));
        Assert.Equal(ProtocolError.EnrolmentCodeExpired, expired.Code);
        Assert.Contains("expired", expired.Message);

        await using var db = host.Db();
        Assert.Equal(3, await db.Terminals.CountAsync());
    }

    [Fact]
    public async Task Terminals_enrolled_together_each_get_a_terminal_a_credential_and_an_audit_and_the_code_counts_every_use()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: false, terminals: 2);
        var (code, _) = await IssueCodeAsync(host, maxUses: 3);

        var enrolled = await host.Get<EnrolmentDesk>().EnrolAllAsync([Request(code) with { Name = "twin" }, Request(code) with { Name = "twin" }], TerminalOrigin.Agent, default);

        Assert.Equal(2, enrolled.Select(e => e.TerminalId).Distinct().Count());
        foreach (var terminal in enrolled)
            Assert.Equal(terminal.TerminalId, (await host.Get<TerminalGate>().AuthenticateAsync(terminal.Credential, default)).TerminalId);
        await using var db = host.Db();
        var names = await db.Terminals.Where(t => t.Name.StartsWith("twin")).OrderBy(t => t.Id).Select(t => t.Name).ToListAsync();
        Assert.Equal(["twin", "twin-3"], names);
        Assert.Equal(2, (await db.EnrolmentCodes.SingleAsync(c => c.CreatedBy == "operator")).Uses);
        string[] ids = [.. enrolled.Select(e => e.TerminalId.ToString())];
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.TerminalEnrolled && ids.Contains(a.SubjectId)));
    }

    [Fact]
    public async Task Terminals_enrolled_together_beyond_what_the_code_allows_are_all_refused()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: false, terminals: 2);
        var (code, _) = await IssueCodeAsync(host, maxUses: 1);

        var refusal = await Refusal(() => host.Get<EnrolmentDesk>().EnrolAllAsync([Request(code), Request(code)], TerminalOrigin.Agent, default));

        Assert.Equal(ProtocolError.EnrolmentCodeUsedUp, refusal.Code);
        await using var db = host.Db();
        Assert.Equal(2, await db.Terminals.CountAsync());
        Assert.Equal(0, (await db.EnrolmentCodes.SingleAsync(c => c.CreatedBy == "operator")).Uses);
    }

    [Fact]
    public async Task Many_terminals_enrolling_at_once_with_one_code_each_get_a_place_until_the_code_is_used_up()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: false, terminals: 2);
        var (code, _) = await IssueCodeAsync(host, maxUses: 30);
        var desk = host.Get<EnrolmentDesk>();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 32).Select(async Task<(Enrolled? Enrolled, string? Refusal)> (_) =>
        {
            try
            {
                return (await desk.EnrolAsync(Request(code) with { Name = "twin" }, TerminalOrigin.Agent, default), null);
            }
            catch (TerminalProtocolException refusal)
            {
                return (null, refusal.Code);
            }
        }));

        Assert.Equal(30, attempts.Count(a => a.Enrolled is not null));
        Assert.All(attempts.Where(a => a.Enrolled is null), a => Assert.Equal(ProtocolError.EnrolmentCodeUsedUp, a.Refusal));
        await using var db = host.Db();
        var agents = await db.Terminals.Where(t => t.Origin == TerminalOrigin.Agent).ToListAsync();
        Assert.Equal(30, agents.Select(t => t.DataOrdinal).Distinct().Count());
        Assert.Equal(30, agents.Select(t => t.Name).Distinct().Count());
    }

    [Fact]
    public async Task A_request_with_bad_fields_is_refused_naming_each_field()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: false, terminals: 2);
        var (code, _) = await IssueCodeAsync(host, maxUses: 1);

        var refusal = await Refusal(() => host.Get<EnrolmentDesk>().EnrolAsync(
            Request(code) with { Type = "Toaster", DataSamples = -1, App = "", AgentVersion = new string('v', 65) }, TerminalOrigin.Agent, default));

        Assert.Equal(ProtocolError.InvalidRequest, refusal.Code);
        foreach (var field in new[] { "type", "dataSamples", "app", "agentVersion" }) Assert.Contains(field, refusal.Message);
        await using var db = host.Db();
        Assert.Equal(0, (await db.EnrolmentCodes.SingleAsync(c => c.CreatedBy == "operator")).Uses);
    }

    [Fact]
    public async Task After_a_rotation_only_the_new_credential_works()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: false, terminals: 2);
        var (code, _) = await IssueCodeAsync(host, maxUses: 1);
        var enrolled = await host.Get<EnrolmentDesk>().EnrolAsync(Request(code), TerminalOrigin.Agent, default);
        var gate = host.Get<TerminalGate>();
        await gate.AuthenticateAsync(enrolled.Credential, default);

        var rotated = await host.Get<EnrolmentDesk>().RotateAsync(enrolled.Credential, default);

        Assert.Equal(enrolled.TerminalId, (await gate.AuthenticateAsync(rotated.Credential, default)).TerminalId);
        Assert.Equal(ProtocolError.CredentialRevoked, (await Refusal(() => gate.AuthenticateAsync(enrolled.Credential, default))).Code);
        Assert.Equal(ProtocolError.Unauthenticated, (await Refusal(() => gate.AuthenticateAsync("fdt_nothing", default))).Code);
        await using var db = host.Db();
        Assert.Equal(1, (await db.TerminalRefusalCounts.SingleAsync(r => r.TerminalId == enrolled.TerminalId && r.Code == ProtocolError.CredentialRevoked)).Count);
        Assert.Single(db.AuditEntries.Where(a => a.Action == AuditAction.CredentialRotated));
    }

    [Fact]
    public async Task A_terminal_calling_faster_than_its_rate_is_refused_and_the_refusals_are_counted()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: false, terminals: 2,
            settings: new Dictionary<string, string?> { ["Fed:Terminals:CallsPerSecond"] = "1", ["Fed:Terminals:CallBurst"] = "3" });
        var (code, _) = await IssueCodeAsync(host, maxUses: 1);
        var enrolled = await host.Get<EnrolmentDesk>().EnrolAsync(Request(code), TerminalOrigin.Agent, default);
        var gate = host.Get<TerminalGate>();
        for (var call = 0; call < 3; call++) await gate.AuthenticateAsync(enrolled.Credential, default);

        var limited = await Refusal(() => gate.AuthenticateAsync(enrolled.Credential, default));

        Assert.Equal((ProtocolError.RateLimited, 429), (limited.Code, limited.Status));
        Assert.NotNull(limited.RetryAfter);
        await using var db = host.Db();
        Assert.Equal(1, (await db.TerminalRefusalCounts.SingleAsync(r => r.TerminalId == enrolled.TerminalId)).Count);
    }

    private static EnrolRequest Request(string code) =>
        new(code, "field-phone", "Phone", "Mid", "camera", 600, DateTimeOffset.UtcNow.AddDays(-1), false, "agent-1.0");

    private static async Task<(string Code, EdgeServer Edge)> IssueCodeAsync(FedTestHost host, int maxUses)
    {
        var code = TerminalSecrets.NewEnrolmentCode();
        var now = host.Get<TimeProvider>().GetUtcNow();
        await using var db = host.Db();
        var edge = await db.EdgeServers.OrderBy(e => e.Id).FirstAsync();
        db.EnrolmentCodes.Add(new EnrolmentCode(edge.Id, TerminalSecrets.Hash(TerminalSecrets.NormalizeCode(code)), TerminalSecrets.HintOf(code), "operator", now, now.AddHours(1), maxUses));
        await db.SaveChangesAsync();
        return (code, edge);
    }

    private static Task<TerminalProtocolException> Refusal(Func<Task> call) => Assert.ThrowsAsync<TerminalProtocolException>(call);
}
