using Bunit;
using FedDashboard.Components.Layout;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Security;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FedDashboard.Tests.Components;

/// <summary>The Clients page: administrators register clients and issue, rotate and revoke their API keys through Core.</summary>
public sealed class ClientsPageTests : DashboardComponentTest
{
    private ClientRegistry Registry => Host.Get<ClientRegistry>();
    private ClientKeys Keys => Host.Get<ClientKeys>();
    private SigningSecrets SigningSecrets => Host.Get<SigningSecrets>();

    protected override Task ArrangeAsync()
    {
        Services.AddSingleton(Registry);
        Services.AddSingleton(Keys);
        Services.AddSingleton(SigningSecrets);
        SignIn(TestClients.Administrator);
        return Task.CompletedTask;
    }

    private IRenderedComponent<Clients> RenderPage()
    {
        var cut = Render<Clients>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")));
        return cut;
    }

    private async Task<List<ClientApiKey>> KeysAsync()
    {
        await using var db = Host.Db();
        return await db.ClientApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync();
    }

    [Fact]
    public void Render_NoClients_SaysSo()
    {
        var cut = RenderPage();

        Assert.Contains("No client applications yet.", cut.Find("[data-testid='no-clients']").TextContent);
    }

    [Fact]
    public async Task ClickRegister_ValidDetails_RegistersAndListsTheClient()
    {
        var cut = RenderPage();

        cut.Find("[data-field='name'] input").Change("Acme Vision");
        cut.Find("[data-field='contactEmail'] input").Change("ml-ops@acme.example");
        cut.Find("[data-field='spendingLimit'] input").Change("250");
        await cut.Find("[data-action='register-client']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("Acme Vision", cut.Find("[data-client]").TextContent));
        await using var db = Host.Db();
        var stored = await db.ClientApplications.SingleAsync();
        Assert.Equal(("ml-ops@acme.example", 250m, "EUR"), (stored.ContactEmail, stored.SpendingLimit, stored.Currency));
        Assert.Equal([ModelArchitecture.Mlp2NN], stored.AllowedModels);
    }

    [Fact]
    public async Task ClickRegister_BadEmail_ShowsItAtTheFieldAndStoresNothing()
    {
        var cut = RenderPage();

        cut.Find("[data-field='name'] input").Change("Acme Vision");
        cut.Find("[data-field='contactEmail'] input").Change("acme");
        await cut.Find("[data-action='register-client']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("'acme' is not an e-mail address such as ops@example.com.", cut.Find("[data-field='contactEmail']").TextContent));
        await using var db = Host.Db();
        Assert.False(await db.ClientApplications.AnyAsync());
    }

    [Fact]
    public async Task ClickRegister_AsOperator_RefusedByCoreAndStoresNothing()
    {
        SignIn(TestData.Operator);
        var cut = RenderPage();

        cut.Find("[data-field='name'] input").Change("Acme Vision");
        cut.Find("[data-field='contactEmail'] input").Change("ml-ops@acme.example");
        await cut.Find("[data-action='register-client']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains(Snackbars, s => s.Message == "olivia may not register client applications without the administrator role."));
        await using var db = Host.Db();
        Assert.False(await db.ClientApplications.AnyAsync());
    }

    [Fact]
    public async Task IssueKey_TwoScopesChosen_ShowsTheSecretOnceAndStoresItsHashWithThoseScopes()
    {
        var client = await Registry.RegisterAsync(TestClients.Administrator, TestClients.Details());
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();

        var clicked = cut.Find("[data-action='issue-key']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid='issue-key-dialog']")));
        await dialogs.Find($"[data-scope='{ClientKeyScopes.SubmitRequests}'] input").ChangeAsync(new() { Value = false });
        await dialogs.Find("[data-action='dialog-confirm']").ClickAsync(new());
        await clicked;

        var secret = cut.WaitForElement("[data-secret-text]").TextContent;
        var key = Assert.Single(await KeysAsync());
        Assert.Equal((client.Id, Secrets.Hash(secret), ClientKeyScopes.ReadRequests | ClientKeyScopes.DownloadModels), (key.ClientId, key.SecretHash, key.Scopes));
        Assert.Contains("Active", cut.Find($"[data-key-status='{key.KeyId}']").TextContent);

        await cut.Find("[data-action='dismiss-key']").ClickAsync(new());
        Assert.DoesNotContain(secret, cut.Markup);
    }

    [Fact]
    public async Task SigningSecret_ShownOnceThenRefused_RotateShowsTheNewOneThatSignsFromNowOn()
    {
        var client = await Registry.RegisterAsync(TestClients.Administrator, TestClients.Details());
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();

        await cut.Find("[data-action='show-signing-secret']").ClickAsync(new());
        var shown = cut.WaitForElement("[data-testid='new-secret'] [data-secret-text]").TextContent;
        Assert.Equal((await SigningSecrets.CurrentAsync(client.Id)).Secret, shown);
        await cut.Find("[data-action='dismiss-secret']").ClickAsync(new());
        await cut.Find("[data-action='show-signing-secret']").ClickAsync(new());
        Assert.Empty(cut.FindAll("[data-testid='new-secret']"));

        var clicked = cut.Find("[data-action='rotate-signing-secret']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("callback signing secret?", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Rotate").ClickAsync(new());
        await clicked;

        var rotated = cut.WaitForElement("[data-testid='new-secret'] [data-secret-text]").TextContent;
        Assert.NotEqual(shown, rotated);
        Assert.Equal((await SigningSecrets.CurrentAsync(client.Id)).Secret, rotated);
    }

    [Fact]
    public async Task Rotate_Confirmed_ShowsTheSuccessorsSecretAndTheOldKeyAsRotated()
    {
        var client = await Registry.RegisterAsync(TestClients.Administrator, TestClients.Details());
        var old = await Keys.IssueAsync(TestClients.Administrator, client.Id, ClientKeyScopes.ReadRequests, null);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();

        var clicked = cut.Find($"[data-action='rotate-{old.Key.KeyId}']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains($"Rotate {old.Key.KeyId}?", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Rotate").ClickAsync(new());
        await clicked;

        var secret = cut.WaitForElement("[data-secret-text]").TextContent;
        var keys = await KeysAsync();
        Assert.Equal(Secrets.Hash(secret), keys[1].SecretHash);
        Assert.Contains("Rotated", cut.Find($"[data-key-status='{old.Key.KeyId}']").TextContent);
        Assert.Contains("Active", cut.Find($"[data-key-status='{keys[1].KeyId}']").TextContent);
        Assert.Empty(cut.FindAll($"[data-action='rotate-{old.Key.KeyId}']"));
    }

    [Fact]
    public async Task Revoke_WithReason_TheKeyIsRevokedWithIt()
    {
        var client = await Registry.RegisterAsync(TestClients.Administrator, TestClients.Details());
        var issued = await Keys.IssueAsync(TestClients.Administrator, client.Id, ClientKeyScopes.ReadRequests, null);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();

        var clicked = cut.Find($"[data-action='revoke-{issued.Key.KeyId}']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.True(dialogs.Find("[data-action='dialog-confirm']").HasAttribute("disabled")));
        dialogs.Find("[data-field='dialog-text'] input").Input("Leaked in a build log");
        await dialogs.Find("[data-action='dialog-confirm']").ClickAsync(new());
        await clicked;

        cut.WaitForAssertion(() => Assert.Contains("Revoked", cut.Find($"[data-key-status='{issued.Key.KeyId}']").TextContent));
        Assert.Contains("by ada: Leaked in a build log", cut.Find($"[data-key-status='{issued.Key.KeyId}']").TextContent);
        Assert.Equal("Leaked in a build log", Assert.Single(await KeysAsync()).RevokeReason);
    }

    [Fact]
    public async Task Suspend_TheClientShowsSuspendedAndOffersNoNewKey()
    {
        var client = await Registry.RegisterAsync(TestClients.Administrator, TestClients.Details());
        var cut = RenderPage();

        await cut.Find("[data-action='suspend-client']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-client='{client.Id}'] [data-state='suspended']")));
        Assert.True(cut.Find("[data-action='issue-key']").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NavMenu_ClientsLinkOnlyForAdministrators(bool administrator)
    {
        SignIn(administrator ? TestClients.Administrator : TestData.Operator);

        var cut = Render<NavMenu>();

        Assert.Equal(administrator, cut.FindAll("a[href='clients']").Count == 1);
    }
}
