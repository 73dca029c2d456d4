using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using System.Net;
using System.Reflection;

namespace FedDashboard.Tests.Security;

/// <summary>
/// Who may open what, asked over HTTP of the running dashboard as each role: pages, the Hangfire dashboard, the
/// audit export and the ledger exports. A page added without an entry here fails <see cref="Pages_EveryRoutablePage_HasAnExpectation"/>.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessControlTests(DashboardProcess dashboard) : IAsyncLifetime
{
    private const string AnyRole = "any";

    /// <summary>Path template → the roles that may open it.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["/"] = AnyRole,
        ["/rounds"] = AnyRole,
        ["/rounds/{RoundId:int}"] = AnyRole,
        ["/coverage"] = AnyRole,
        ["/terminals"] = AnyRole,
        ["/terminals/{TerminalId:int}"] = AnyRole,
        ["/versions"] = AnyRole,
        ["/job"] = AnyRole,
        ["/jobs/{Id:int}"] = AnyRole,
        ["/jobs/{JobId:int}/versions"] = AnyRole,
        ["/policies"] = AnyRole,
        ["/rewards"] = AnyRole,
        ["/payouts"] = AnyRole,
        ["/requests"] = AnyRole,
        ["/requests/{Id:int}"] = AnyRole,
        ["/api-reference/index.html"] = AnyRole,
        ["/nodes"] = AnyRole,
        ["/jobs/new"] = Roles.Operators,
        ["/requests/new"] = Roles.Operators,
        ["/audit"] = Roles.AuditReaders,
        ["/users"] = Roles.Administrator,
        ["/clients"] = Roles.Administrator,
        ["/hangfire"] = Roles.Administrator,
        ["/audit/export.csv"] = Roles.AuditReaders,
        ["/rewards/ledger.csv"] = AnyRole,
        ["/rewards/ledger.xlsx"] = AnyRole,
    };

    private static readonly Dictionary<string, string> UserOfRole = new()
    {
        [Roles.Viewer] = "vic",
        [Roles.Operator] = "olga",
        [Roles.Approver] = "april",
        [Roles.Administrator] = DashboardAccounts.AdminName,
    };

    public async Task InitializeAsync()
    {
        foreach (var (role, user) in UserOfRole.Where(u => u.Key != Roles.Administrator)) await dashboard.EnsureUserAsync(user, role);
        // The ledger exports answer 404 while there is nothing to export; this test is about who may open them.
        await dashboard.FirstRewardAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Concrete(string template) =>
        template.Replace("{RoundId:int}", "1").Replace("{TerminalId:int}", "1").Replace("{JobId:int}", "1").Replace("{Id:int}", "1");

    [Fact]
    public void Pages_EveryRoutablePage_HasAnExpectation()
    {
        // Pages anyone may open (sign-in, the error page) need no expectation.
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Where(t => !t.StartsWith("/account/", StringComparison.Ordinal));

        Assert.All(pages, template => Assert.True(Expected.ContainsKey(template), $"{template} has no access expectation in this test."));
    }

    [Fact]
    public async Task AnyPath_NotSignedIn_SentToSignIn()
    {
        using var client = SignedInClient.Anonymous(dashboard.BaseAddress);
        foreach (var template in Expected.Keys)
        {
            var response = await client.GetAsync(Concrete(template).TrimStart('/'));

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{template} answered {(int)response.StatusCode} to nobody.");
            Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
        }
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Approver)]
    [InlineData(Roles.Administrator)]
    public async Task EveryPath_SignedInWithRole_OpensExactlyWhatTheRoleAllows(string role)
    {
        var (client, _) = await SignedInClient.SignInAsync(dashboard.BaseAddress, UserOfRole[role]);
        using (client)
        {
            foreach (var (template, allowed) in Expected)
            {
                var response = await client.GetAsync(Concrete(template).TrimStart('/'));

                if (allowed == AnyRole || allowed.Split(',').Contains(role))
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} got {(int)response.StatusCode} from {template}, which the role may open.");
                }
                else
                {
                    Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{role} got {(int)response.StatusCode} from {template}, which the role may not open.");
                    if (response.StatusCode == HttpStatusCode.Redirect) Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
                }
            }
        }
    }
}
