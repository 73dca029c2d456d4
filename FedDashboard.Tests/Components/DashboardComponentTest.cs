using Bunit;
using Bunit.TestDoubles;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace FedDashboard.Tests.Components;

/// <summary>bUnit with MudBlazor, loose JS interop, and the pages' real services on a real database and the real live feed.</summary>
public abstract class DashboardComponentTest : BunitContext, IAsyncLifetime
{
    private BunitAuthorizationContext? _authorization;

    protected FedTestHost Host { get; private set; } = null!;
    protected LiveFeed Feed => Host.Get<LiveFeed>();

    /// <summary>The simulated fleet the database starts with.</summary>
    protected virtual int Terminals => 20;

    public async Task InitializeAsync()
    {
        Host = await FedTestHost.StartAsync(runWorkers: false, terminals: Terminals);
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Pages read the real database first; bUnit's 1 s default is too short when the test machine is shared and busy.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices();
        Services.AddSingleton(Host.Get<LiveFeed>());
        Services.AddSingleton(Host.Get<IDbContextFactory<FedDbContext>>());
        Services.AddSingleton(Host.Get<VersionDecisions>());
        Services.AddSingleton(Host.Get<JobControls>());
        Services.AddSingleton(Host.Get<LedgerCorrections>());
        Services.AddSingleton(Host.Get<JobPolicyProposals>());
        Services.AddSingleton(Host.Get<RefusalLog>());
        Services.AddSingleton(Host.Get<EnrolmentCodes>());
        Services.AddSingleton(Host.Get<CredentialRevocation>());
        Services.AddSingleton(Host.Get<IOptions<FleetOptions>>());
        Services.AddSingleton(TimeProvider.System);
        Services.AddDashboardQueries();
        // Every page of the app requires sign-in, so a page never renders without a user; tests that need a role sign in again.
        SignIn(Actor.User("vera", Roles.Viewer));
        await ArrangeAsync();
        // Pages render as in their circuit; a test of the prerendered page says so. Last: it reads the services, which closes them.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>
    /// Acts as this user from now on, also on a page already rendered: pages read who acts from the authentication
    /// state, as in the app, so a test can change the user under a rendered page (signed out elsewhere, role revoked).
    /// </summary>
    protected void SignIn(Actor actor)
    {
        _authorization ??= AddAuthorization();
        _authorization.SetAuthorized(actor.Name);
        _authorization.SetRoles([.. actor.Roles]);
    }

    /// <summary>The same user keeps only the viewer role, as if an administrator revoked the rest while their page stays open.</summary>
    protected void RevokeRoles(Actor actor) => SignIn(Actor.User(actor.Name, Roles.Viewer));

    /// <summary>The messages pages have shown in a snackbar so far.</summary>
    protected IReadOnlyList<Snackbar> Snackbars => [.. Services.GetRequiredService<ISnackbar>().ShownSnackbars];

    /// <summary>State the test class needs in the database before rendering.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Host.DisposeAsync();
    }
}
