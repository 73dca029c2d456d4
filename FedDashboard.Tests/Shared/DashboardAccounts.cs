using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Security;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// Accounts on a running dashboard's database, created the way its Users page creates them (by its administrator,
/// audited), with passwords already chosen so tests sign in directly.
/// </summary>
public static class DashboardAccounts
{
    public const string AdminName = "admin";
    public const string AdminPassword = "admin-password-for-tests";

    public static string PasswordOf(string userName) => userName == AdminName ? AdminPassword : $"{userName}-password-for-tests";

    public static Actor Admin { get; } = Actor.User(AdminName, Roles.Administrator);

    public static Task CreateAsync(string connectionString, string userName, params string[] roles) =>
        AdministerAsync(connectionString, accounts => accounts.CreateAsync(Admin, userName, PasswordOf(userName), roles, mustChangePassword: false));

    /// <summary>Changes accounts on the dashboard's database as its administrator would on the Users page.</summary>
    public static async Task AdministerAsync(string connectionString, Func<UserAdministration, Task> change)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<FedDbContext>(o => o.UseNpgsql(connectionString))
            .AddFedAccounts();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }
}
