using FedDashboard.Core;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Security;
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

    public static async Task CreateAsync(string connectionString, string userName, params string[] roles)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<FedDbContext>(o => o.UseNpgsql(connectionString))
            .AddFedAccounts();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(Actor.User(AdminName, Roles.Administrator), userName, PasswordOf(userName), roles, mustChangePassword: false);
    }
}
