using FedDashboard.Core.Domain.Security;
using FedDashboard.Hubs;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.SignalR.Client;
using System.Net;

namespace FedDashboard.Tests.Security;

/// <summary>
/// A role taken away or an account disabled reaches sign-ins already made — HTTP requests and live-hub connections —
/// within the revalidation interval (a minute in production, a few seconds on this dashboard).
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class RevocationTests(AccessDashboard dashboard)
{
    private static readonly TimeSpan AMinute = TimeSpan.FromMinutes(1);

    /// <summary>Asks once a second (exports are rate-limited) until the answer is no longer 200.</summary>
    private static async Task<HttpResponseMessage> FirstRefusalAsync(HttpClient client, string path)
    {
        var until = DateTime.UtcNow + AMinute;
        while (true)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) return response;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{path} was still served a minute after access was revoked.");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task AuditExport_ApproverRoleRemoved_RefusedWithinAMinute()
    {
        await dashboard.EnsureUserAsync("apollo", Roles.Approver);
        var (client, _) = await SignedInClient.SignInAsync(dashboard.BaseAddress, "apollo");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("audit/export.csv")).StatusCode);

        await dashboard.AdministerAsync(a => a.SetRolesAsync(DashboardAccounts.Admin, "apollo", [Roles.Viewer]));
        var refusal = await FirstRefusalAsync(client, "audit/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, refusal.StatusCode);
        Assert.StartsWith("/account/login", refusal.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AuditExport_UserDisabled_RefusedWithinAMinute()
    {
        await dashboard.EnsureUserAsync("dave", Roles.Approver);
        var (client, _) = await SignedInClient.SignInAsync(dashboard.BaseAddress, "dave");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("audit/export.csv")).StatusCode);

        await dashboard.AdministerAsync(a => a.DisableAsync(DashboardAccounts.Admin, "dave"));
        var refusal = await FirstRefusalAsync(client, "audit/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, refusal.StatusCode);
        Assert.StartsWith("/account/login", refusal.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task LiveHub_UserDisabled_ConnectionClosedAndReconnectRefused()
    {
        await dashboard.EnsureUserAsync("hana", Roles.Viewer);
        var (_, cookies) = await SignedInClient.SignInAsync(dashboard.BaseAddress, "hana");
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(dashboard.BaseAddress, LiveHub.Path), o => o.Cookies = cookies).Build();
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();

        await dashboard.AdministerAsync(a => a.DisableAsync(DashboardAccounts.Admin, "hana"));
        await closed.Task.WaitAsync(AMinute);
        await using var again = new HubConnectionBuilder().WithUrl(new Uri(dashboard.BaseAddress, LiveHub.Path), o => o.Cookies = cookies).Build();
        var refusal = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());

        // 401 once the cookie itself has been rechecked and signed out; 403 from the hub's own check before that.
        Assert.Contains(refusal.StatusCode, new HttpStatusCode?[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task LedgerCsv_UserMustChangePassword_RedirectedToChangePassword()
    {
        await dashboard.AdministerAsync(a => a.CreateAsync(DashboardAccounts.Admin, "newton", DashboardAccounts.PasswordOf("newton"), [Roles.Viewer]));
        var (client, _) = await SignedInClient.SignInAsync(dashboard.BaseAddress, "newton");

        var response = await client.GetAsync("rewards/ledger.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/change-password", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AuditExport_MoreThanTheLimit_429ProblemWithRetryAfter()
    {
        await dashboard.EnsureUserAsync("exa", Roles.Approver);
        var (client, _) = await SignedInClient.SignInAsync(dashboard.BaseAddress, "exa");
        for (var i = 0; i < AccessDashboard.ExportsPerUser; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("audit/export.csv")).StatusCode);

        var refused = await client.GetAsync("audit/export.csv");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"At most {AccessDashboard.ExportsPerUser} exports per user", await refused.Content.ReadAsStringAsync());
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
