using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Security;


namespace FedDashboard.Model;

/// <summary>
/// The users page's access to accounts. Identity's services are scoped to one unit of work; a page's circuit lives
/// for hours, so every call gets a fresh scope instead of the circuit's.
/// </summary>
public sealed class UserAccounts(IServiceScopeFactory scopes)
{
    public Task<IReadOnlyList<UserAccount>> ListAsync() => WithAsync(accounts => accounts.ListAsync());

    /// <remarks>Throws Core's refusals (<see cref="UserAdministration"/>); a non-administrator's is audited by Core.</remarks>
    public Task CreateAsync(Actor actor, string userName, string password, IReadOnlyCollection<string> roles) =>
        WithAsync(accounts => accounts.CreateAsync(actor, userName, password, roles));

    public Task SetRolesAsync(Actor actor, string userName, IReadOnlyCollection<string> roles) =>
        WithAsync(accounts => accounts.SetRolesAsync(actor, userName, roles));

    public Task DisableAsync(Actor actor, string userName) => WithAsync(accounts => accounts.DisableAsync(actor, userName));

    public Task EnableAsync(Actor actor, string userName) => WithAsync(accounts => accounts.EnableAsync(actor, userName));

    private async Task WithAsync(Func<UserAdministration, Task> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    private async Task<T> WithAsync<T>(Func<UserAdministration, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }
}
