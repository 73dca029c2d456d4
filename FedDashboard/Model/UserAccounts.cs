using FedDashboard.Core.Security;

namespace FedDashboard.Model;

/// <summary>
/// The users page's access to accounts. Identity's services are scoped to one unit of work; a page's circuit lives
/// for hours, so every call gets a fresh scope instead of the circuit's.
/// </summary>
public sealed class UserAccounts(IServiceScopeFactory scopes)
{
    public Task<IReadOnlyList<UserAccount>> ListAsync() => WithAsync(accounts => accounts.ListAsync());

    /// <summary>Null when done, else why not (the refusal of a non-administrator is audited by Core).</summary>
    public Task<string?> CreateAsync(Actor actor, string userName, string password, IReadOnlyCollection<string> roles) =>
        TryAsync(accounts => accounts.CreateAsync(actor, userName, password, roles));

    public Task<string?> SetRolesAsync(Actor actor, string userName, IReadOnlyCollection<string> roles) =>
        TryAsync(accounts => accounts.SetRolesAsync(actor, userName, roles));

    public Task<string?> DisableAsync(Actor actor, string userName) => TryAsync(accounts => accounts.DisableAsync(actor, userName));

    public Task<string?> EnableAsync(Actor actor, string userName) => TryAsync(accounts => accounts.EnableAsync(actor, userName));

    private async Task<string?> TryAsync(Func<UserAdministration, Task> action)
    {
        try
        {
            await WithAsync(async accounts =>
            {
                await action(accounts);
                return true;
            });
            return null;
        }
        catch (Exception e) when (e is ArgumentException or AccessDeniedException)
        {
            return e.Message;
        }
    }

    private async Task<T> WithAsync<T>(Func<UserAdministration, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }
}
