using Bunit;
using FedDashboard.Components.Controls;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FedDashboard.Tests.Components;

/// <summary>
/// The operator side of terminal identity on the pages: the enrolment codes panel of the Terminals page and a terminal's
/// credential, revocation and refused calls on its own page. The first terminal holds a credential and two kinds of refused calls.
/// </summary>
public sealed class EnrolmentPagesTests : DashboardComponentTest
{
    private int _terminal;
    private string _name = "";
    private int _edge;

    private EnrolmentCodes Codes => Host.Get<EnrolmentCodes>();

    protected override async Task ArrangeAsync()
    {
        await using var db = Host.Db();
        // The codes the system issued itself to seed the simulated fleet; these tests are about an operator's.
        await db.EnrolmentCodes.ExecuteDeleteAsync();
        var terminal = await db.Terminals.OrderBy(t => t.Id).FirstAsync();
        (_terminal, _name) = (terminal.Id, terminal.Name);
        // The credential it enrolled with, which gave way to the fleet's derived one at once; these tests are about an operator's revocations.
        await db.TerminalCredentials.Where(c => c.TerminalId == _terminal && c.RevokedAt != null).ExecuteDeleteAsync();
        _edge = await db.EdgeServers.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        db.TerminalCredentials.Add(new TerminalCredential(_terminal, TerminalSecrets.Hash(TerminalSecrets.NewCredential()), DateTimeOffset.UtcNow.AddHours(-1)));
        db.TerminalRefusalCounts.Add(new TerminalRefusalCount(_terminal, "hash_mismatch", "The upload's hash does not match its content.", DateTimeOffset.UtcNow));
        db.TerminalRefusalCounts.Add(new TerminalRefusalCount(_terminal, "rate_limited", "Too many calls.", DateTimeOffset.UtcNow.AddMinutes(-1)));
        await db.SaveChangesAsync();
        await db.TerminalRefusalCounts.Where(r => r.Code == "rate_limited").ExecuteUpdateAsync(s => s.SetProperty(r => r.Count, 4));
    }

    private IRenderedComponent<EnrolmentCodesPanel> RenderPanel()
    {
        var cut = Render<EnrolmentCodesPanel>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='enrolment-codes']")));
        return cut;
    }

    private IRenderedComponent<TerminalDetailPage> RenderDetail()
    {
        var cut = Render<TerminalDetailPage>(p => p.Add(x => x.TerminalId, _terminal));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='identity']")));
        return cut;
    }

    private async Task<List<TerminalCredential>> CredentialsAsync()
    {
        await using var db = Host.Db();
        return await db.TerminalCredentials.AsNoTracking().Where(c => c.TerminalId == _terminal).ToListAsync();
    }

    [Fact]
    public void RenderPanel_NoCodes_SaysSoAndOffersTheFormToAnOperator()
    {
        SignIn(TestData.Operator);

        var cut = RenderPanel();

        Assert.Contains("No enrolment codes yet.", cut.Find("[data-testid='enrolment-codes']").TextContent);
        Assert.False(cut.Find("[data-action='create-code']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task RenderTerminals_NoEdgesNoTerminals_SaysSoAndOffersNoCode()
    {
        await using (var db = Host.Db())
        {
            await db.CoverageEvents.ExecuteDeleteAsync();
            await db.TelemetryRecords.ExecuteDeleteAsync();
            await db.Terminals.ExecuteDeleteAsync();
            await db.EdgeServers.ExecuteDeleteAsync();
        }
        SignIn(TestData.Operator);

        var cut = Render<Terminals>();

        // The codes panel and the terminal grid load on their own: either may show first.
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("No enrolment codes yet.", cut.Find("[data-testid='enrolment-codes']").TextContent);
            Assert.Contains("No terminals match.", cut.Find("[data-testid='terminals']").TextContent);
        });
        Assert.True(cut.Find("[data-action='create-code']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ClickCreate_AsOperator_ShowsTheCodeOnceWithACopyButtonAndListsItByItsHint()
    {
        SignIn(TestData.Operator);
        var cut = RenderPanel();
        cut.Find("[data-field='validForHours'] input").Change("48");
        cut.Find("[data-field='maxUses'] input").Change("3");

        await cut.Find("[data-action='create-code']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='new-code']")));
        var text = cut.Find("[data-secret-text]").TextContent.Trim();
        await using var db = Host.Db();
        var stored = await db.EnrolmentCodes.AsNoTracking().SingleAsync(c => c.CreatedBy == "olivia");
        Assert.Equal(TerminalSecrets.Hash(TerminalSecrets.NormalizeCode(text)), stored.CodeHash);
        Assert.Equal((_edge, 3, "olivia"), (stored.EdgeId, stored.MaxUses, stored.CreatedBy));
        Assert.Contains("it will not be shown again", cut.Find("[data-testid='new-code']").TextContent);
        Assert.NotNull(cut.Find("[data-action='copy-code']"));
        var row = cut.Find("[data-testid='enrolment-codes'] tbody tr").TextContent;
        Assert.Contains($"…{stored.Hint}", row);
        Assert.Contains("0 / 3", row);
        Assert.Contains("Active", row);
        Assert.DoesNotContain(text, row);

        cut.Find("[data-action='dismiss-code']").Click();

        Assert.DoesNotContain(text, cut.Markup);
    }

    [Fact]
    public async Task ClickCreate_ZeroHours_ErrorAtTheFieldAndNoCode()
    {
        SignIn(TestData.Operator);
        var cut = RenderPanel();
        cut.Find("[data-field='validForHours'] input").Change("0");

        await cut.Find("[data-action='create-code']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("A code is valid for more than 0 and at most 720 hours (30 days); was 0.",
            cut.Find("[data-field='validForHours']").TextContent));
        Assert.Empty(cut.FindAll("[data-testid='new-code']"));
        await using var db = Host.Db();
        Assert.Equal(0, await db.EnrolmentCodes.CountAsync(c => c.CreatedBy == "olivia"));
    }

    [Fact]
    public async Task ClickRevoke_AsOperatorAndConfirmed_TheCodeIsRevoked()
    {
        var issued = await Codes.CreateAsync(TestData.Operator, _edge, 24, 1);
        SignIn(TestData.Operator);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPanel();

        var clicked = cut.Find($"[data-action='revoke-code-{issued.Code.Id}']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains($"Revoke the code ending in {issued.Code.Hint}?", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Revoke").ClickAsync(new());
        await clicked;

        cut.WaitForAssertion(() => Assert.Contains("Revoked", cut.Find($"[data-code-status='{issued.Code.Id}']").TextContent));
        Assert.Contains("by olivia", cut.Find($"[data-code-status='{issued.Code.Id}']").TextContent);
        Assert.Empty(cut.FindAll($"[data-action='revoke-code-{issued.Code.Id}']"));
    }

    [Fact]
    public async Task RenderPanel_AsViewer_ListsCodesWithoutAnyButton()
    {
        var issued = await Codes.CreateAsync(TestData.Operator, _edge, 24, 1);

        var cut = RenderPanel();

        Assert.Contains($"…{issued.Code.Hint}", cut.Find("[data-testid='enrolment-codes']").TextContent);
        Assert.NotNull(cut.Find("[data-testid='code-permission-hint']"));
        Assert.Empty(cut.FindAll("[data-action]"));
    }

    [Fact]
    public void RenderTerminals_ShowsOriginConnectionAndRefusals()
    {
        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-refusals='{_name}']")));
        Assert.Equal("5", cut.Find($"[data-refusals='{_name}']").TextContent.Trim());
        Assert.Equal("Simulated", cut.Find($"[data-origin='{_name}']").TextContent.Trim());
        Assert.Contains(cut.Find($"[data-connection='{_name}']").TextContent.Trim(), new[] { "Connected", "Offline" });
        Assert.NotNull(cut.Find("[data-testid='enrolment-panel']"));
    }

    [Fact]
    public async Task RenderTerminals_HeartbeatWithinItsWindow_ConnectedElseOverdueWhileCountedOnlineElseOffline()
    {
        await using (var db = Host.Db())
        {
            await db.Terminals.ExecuteUpdateAsync(s => s.SetProperty(t => t.OnlineUntil, (DateTimeOffset?)null).SetProperty(t => t.Online, false));
            var overdue = await db.Terminals.Where(t => t.Id != _terminal).OrderBy(t => t.Id).Select(t => t.Id).Take(4).ToListAsync();
            await db.Terminals.Where(t => overdue.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Online, true));
            await db.Terminals.Where(t => t.Id == _terminal).ExecuteUpdateAsync(s => s.SetProperty(t => t.OnlineUntil, DateTimeOffset.UtcNow.AddMinutes(5)));
        }

        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.Equal("Connected", cut.Find($"[data-connection='{_name}']").TextContent.Trim()));
        var shown = cut.FindAll("[data-connection]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal((4, 15), (shown.Count(c => c == "Overdue"), shown.Count(c => c == "Offline")));
    }

    [Fact]
    public void RenderDetail_AsViewer_ShowsCredentialAndRefusedCallsWithoutRevoke()
    {
        var cut = RenderDetail();

        Assert.StartsWith("Active since", cut.Find("[data-identity='credential']").TextContent.Trim());
        Assert.Equal("Simulated", cut.Find("[data-identity='origin']").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-action='revoke-credentials']"));
        var rows = cut.FindAll("[data-testid='refusals'] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("hash_mismatch", rows[0]);
        Assert.Contains("The upload's hash does not match its content.", rows[0]);
        Assert.Contains("rate_limited", rows[1]);
        Assert.Contains("4", rows[1]);
    }

    [Fact]
    public async Task ClickRevokeCredential_AsOperatorWithAReason_RevokedAndShownWithWhoAndWhy()
    {
        SignIn(TestData.Operator);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderDetail();

        var clicked = cut.Find("[data-action='revoke-credentials']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.True(dialogs.Find("[data-action='dialog-confirm']").HasAttribute("disabled")));
        dialogs.Find("[data-field='dialog-text'] input").Input("Phone reported stolen");
        await dialogs.Find("[data-action='dialog-confirm']").ClickAsync(new());
        await clicked;

        Assert.All(await CredentialsAsync(), c => Assert.Equal(("olivia", "Phone reported stolen"), (c.RevokedBy, c.RevokeReason)));
        cut.WaitForAssertion(() => Assert.Contains("by olivia: Phone reported stolen", cut.Find("[data-identity='credential']").TextContent));
        Assert.Empty(cut.FindAll("[data-action='revoke-credentials']"));
    }

    [Fact]
    public async Task RenderDetail_NeverEnrolled_SaysNoneAndOffersNoRevoke()
    {
        await using (var db = Host.Db()) await db.TerminalCredentials.Where(c => c.TerminalId == _terminal).ExecuteDeleteAsync();
        SignIn(TestData.Operator);

        var cut = RenderDetail();

        Assert.Equal("None: the terminal has not enrolled", cut.Find("[data-identity='credential']").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-action='revoke-credentials']"));
    }
}
