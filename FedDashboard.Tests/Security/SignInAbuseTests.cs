using FedDashboard.Components.Account;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Net;

namespace FedDashboard.Tests.Security;

/// <summary>The sign-in form tells a stranger nothing about accounts and limits how often one address may try.</summary>
[Collection(AccessCollection.Name)]
public sealed class SignInAbuseTests(AccessDashboard dashboard)
{
    /// <summary>Each test tries from an address of its own, so their attempts do not share a limit.</summary>
    private async Task<(HttpStatusCode Status, string? Message)> AttemptAsync(string userName, string password, IPAddress from)
    {
        using var client = SignedInClient.Anonymous(dashboard.BaseAddress, from: from);
        var response = await SignedInClient.SubmitAsync(client, userName, password);
        return (response.StatusCode, await SignedInClient.RefusalOfAsync(response));
    }

    [Fact]
    public async Task SignIn_UnknownUserLockedOrDisabledAccount_ReadsLikeAWrongPassword()
    {
        await dashboard.EnsureUserAsync("wanda", Roles.Viewer);
        await dashboard.EnsureUserAsync("lena", Roles.Viewer);
        await dashboard.EnsureUserAsync("dina", Roles.Viewer);
        var client = IPAddress.Parse("127.0.0.6");
        for (var i = 0; i < AccessDashboard.LockoutThreshold; i++) await AttemptAsync("lena", "not lena's password", client);
        await dashboard.AdministerAsync(a => a.DisableAsync(DashboardAccounts.Admin, "dina"));

        var wrongPassword = await AttemptAsync("wanda", "not wanda's password", client);
        var unknownUser = await AttemptAsync("nobody-here", "some password", client);
        var locked = await AttemptAsync("lena", DashboardAccounts.PasswordOf("lena"), client);
        var disabled = await AttemptAsync("dina", DashboardAccounts.PasswordOf("dina"), client);

        Assert.Equal((HttpStatusCode.OK, Login.Refusal), wrongPassword);
        Assert.Equal(wrongPassword, unknownUser);
        Assert.Equal(wrongPassword, locked);
        Assert.Equal(wrongPassword, disabled);
    }

    [Fact]
    public async Task SignIn_Refused_AuditLogKeepsTheRealCause()
    {
        await dashboard.EnsureUserAsync("ruth", Roles.Viewer);
        await dashboard.AdministerAsync(a => a.DisableAsync(DashboardAccounts.Admin, "ruth"));
        var client = IPAddress.Parse("127.0.0.9");

        await AttemptAsync("ruth", DashboardAccounts.PasswordOf("ruth"), client);
        await AttemptAsync("nobody-at-all", "some password", client);

        await using var db = dashboard.Db();
        var refusals = await db.AuditEntries.Where(e => e.Action == AuditAction.RequestRefused && e.Outcome == AuditOutcome.Refused)
            .Select(e => e.Detail!).ToListAsync();
        Assert.Contains(refusals, d => d.Contains("Sign-in as 'ruth' refused: the account may not sign in (disabled).") && d.Contains("127.0.0.9"));
        Assert.Contains(refusals, d => d.Contains("Sign-in as 'nobody-at-all' refused: wrong user name or password."));
    }

    [Fact]
    public async Task SignIn_TooManyAttemptsFromOneAddress_429WhileAnotherAddressSignsIn()
    {
        var stranger = IPAddress.Parse("127.0.0.7");
        await dashboard.EnsureUserAsync("vera", Roles.Viewer);
        for (var i = 0; i < AccessDashboard.SignInAttemptsPerClient; i++)
            Assert.Equal(HttpStatusCode.OK, (await AttemptAsync("no-such-user", $"guess {i}", stranger)).Status);

        var refused = await AttemptAsync("vera", DashboardAccounts.PasswordOf("vera"), stranger);
        var (other, _) = await SignedInClient.SignInAsync(dashboard.BaseAddress, "vera", IPAddress.Parse("127.0.0.8"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.StartsWith("Too many sign-in attempts from this address", refused.Message);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("rounds")).StatusCode);
    }
}
