using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Security;
using FedDashboard.Core.Persistence.Identity;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

namespace FedDashboard.Tests.Integration;

public sealed class UserAdministrationTests : IAsyncLifetime
{
    private static readonly Actor Admin = Actor.User("ada", Roles.Administrator);
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 2);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task WithAccountsAsync(Func<UserAdministration, Task> act)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await act(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _host.Db();
        return await db.AuditEntries.Where(e => e.Subject == AuditSubject.User && e.Actor != Actor.System.Name).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Startup_NoPasswordConfigured_CreatedAdministratorWhoMustChooseAPassword()
    {
        string? again = "not asked";

        await WithAccountsAsync(async a => again = await a.EnsureFirstAdministratorAsync(new SecurityOptions { AdminUserName = "someone-else" }));

        Assert.Null(again);
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FedUser>>();
        var admin = Assert.Single(await users.GetUsersInRoleAsync(Roles.Administrator));
        Assert.Equal("admin", admin.UserName);
        Assert.True(admin.MustChangePassword);
        Assert.Null(await users.FindByNameAsync("someone-else"));
    }

    [Fact]
    public async Task CreateAsync_ByOperator_RefusedAuditedAndNoUser()
    {
        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            WithAccountsAsync(a => a.CreateAsync(TestData.Operator, "mallory", "long-enough-password", [Roles.Administrator])));

        Assert.Equal("olivia may not create users.", refusal.Message);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditOutcome.Refused, "olivia", "mallory"), (entry.Outcome, entry.Actor, entry.SubjectId));
        await using var db = _host.Db();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "mallory"));
    }

    [Fact]
    public async Task SetRolesAsync_Administrator_ChangesRolesAndAuditsBeforeAndAfter()
    {
        await WithAccountsAsync(a => a.CreateAsync(Admin, "bob", "long-enough-password", [Roles.Viewer]));

        await WithAccountsAsync(a => a.SetRolesAsync(Admin, "bob", [Roles.Operator, Roles.Approver]));

        IReadOnlyList<UserAccount> accounts = [];
        await WithAccountsAsync(async a => accounts = await a.ListAsync());
        Assert.Equal([Roles.Operator, Roles.Approver], accounts.Single(u => u.UserName == "bob").Roles);
        var change = (await AuditAsync()).Single(e => e.Action == AuditAction.RolesChanged);
        Assert.Equal(["viewer"], JsonDocument.Parse(change.Before!).RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["operator", "approver"], JsonDocument.Parse(change.After!).RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task SetRolesAsync_OwnAdministratorRoleRemoved_RefusedAndUnchanged()
    {
        await WithAccountsAsync(a => a.CreateAsync(Admin, "ada", "long-enough-password", [Roles.Administrator]));

        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() => WithAccountsAsync(a => a.SetRolesAsync(Admin, "ada", [Roles.Viewer])));

        Assert.Contains("cannot remove your own administrator role", refusal.Message);
        Assert.DoesNotContain(await AuditAsync(), e => e.Action == AuditAction.RolesChanged);
    }

    [Fact]
    public async Task CreateAsync_ShortPassword_IdentityMessageAndNoUser()
    {
        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() => WithAccountsAsync(a => a.CreateAsync(Admin, "carol", "short", [Roles.Viewer])));

        Assert.Contains("at least 12 characters", refusal.Message);
        await using var db = _host.Db();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "carol"));
    }

    private async Task<FedUser> UserAsync(string userName)
    {
        await using var db = _host.Db();
        return await db.Users.SingleAsync(u => u.UserName == userName);
    }

    [Fact]
    public async Task SetRolesAsync_RolesChanged_SecurityStampChanges()
    {
        await WithAccountsAsync(a => a.CreateAsync(Admin, "bob", "long-enough-password", [Roles.Approver]));
        var before = (await UserAsync("bob")).SecurityStamp;

        await WithAccountsAsync(a => a.SetRolesAsync(Admin, "bob", [Roles.Viewer]));

        Assert.NotEqual(before, (await UserAsync("bob")).SecurityStamp);
    }

    [Fact]
    public async Task DisableAsync_Administrator_DisabledStampChangedAndAudited()
    {
        await WithAccountsAsync(a => a.CreateAsync(Admin, "dan", "long-enough-password", [Roles.Operator]));
        var before = await UserAsync("dan");

        await WithAccountsAsync(a => a.DisableAsync(Admin, "dan"));

        var after = await UserAsync("dan");
        Assert.True(after.IsDisabled);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        var entry = (await AuditAsync()).Single(e => e.Action == AuditAction.UserDisabled);
        Assert.Equal((AuditOutcome.Done, "ada", "dan"), (entry.Outcome, entry.Actor, entry.SubjectId));
        IReadOnlyList<UserAccount> accounts = [];
        await WithAccountsAsync(async a => accounts = await a.ListAsync());
        Assert.True(accounts.Single(u => u.UserName == "dan").Disabled);
    }

    [Fact]
    public async Task EnableAsync_DisabledUser_EnabledAndAudited()
    {
        await WithAccountsAsync(a => a.CreateAsync(Admin, "dan", "long-enough-password", [Roles.Operator]));
        await WithAccountsAsync(a => a.DisableAsync(Admin, "dan"));

        await WithAccountsAsync(a => a.EnableAsync(Admin, "dan"));

        Assert.False((await UserAsync("dan")).IsDisabled);
        Assert.Single(await AuditAsync(), e => e.Action == AuditAction.UserEnabled && e.Outcome == AuditOutcome.Done);
    }

    [Fact]
    public async Task DisableAsync_ByOperator_RefusedAuditedAndStillEnabled()
    {
        await WithAccountsAsync(a => a.CreateAsync(Admin, "dan", "long-enough-password", [Roles.Viewer]));

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() => WithAccountsAsync(a => a.DisableAsync(TestData.Operator, "dan")));

        Assert.Equal("olivia may not disable users.", refusal.Message);
        Assert.False((await UserAsync("dan")).IsDisabled);
        Assert.Single(await AuditAsync(), e => e.Action == AuditAction.UserDisabled && e.Outcome == AuditOutcome.Refused);
    }

    [Fact]
    public async Task DisableAsync_OwnAccount_RefusedAuditedAndStillEnabled()
    {
        await WithAccountsAsync(a => a.CreateAsync(Admin, "ada", "long-enough-password", [Roles.Administrator]));

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() => WithAccountsAsync(a => a.DisableAsync(Admin, "ada")));

        Assert.Equal("ada may not disable their own account; another administrator can.", refusal.Message);
        Assert.False((await UserAsync("ada")).IsDisabled);
        var entry = (await AuditAsync()).Single(e => e.Action == AuditAction.UserDisabled);
        Assert.Equal((AuditOutcome.Refused, refusal.Message), (entry.Outcome, entry.Detail));
    }

    [Fact]
    public async Task DisableAsync_LastEnabledAdministrator_RefusedAndStillEnabled()
    {
        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() => WithAccountsAsync(a => a.DisableAsync(Actor.System, "admin")));

        Assert.Equal("system may not disable admin, the last enabled administrator.", refusal.Message);
        Assert.False((await UserAsync("admin")).IsDisabled);
    }
}
