using FedDashboard.Components.Controls;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Model;
using FedDashboard.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Pages;

public partial class Users : ComponentBase
{
    private IReadOnlyList<UserAccount>? _users;
    private readonly Dictionary<string, HashSet<string>> _editedRoles = [];
    private readonly HashSet<string> _newRoles = [Roles.Viewer];
    private string _newName = "";
    private string _newPassword = "";

    [Inject] public required UserAccounts Accounts { get; set; }
    [Inject] public required CurrentActor Actor { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required PageRefusals Refusals { get; set; }

    private readonly FieldMessages _fields = new();

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync()
    {
        _users = await Accounts.ListAsync();
        _editedRoles.Clear();
    }

    private HashSet<string> RolesOf(UserAccount user)
    {
        if (!_editedRoles.TryGetValue(user.UserName, out var roles)) _editedRoles[user.UserName] = roles = [.. user.Roles];
        return roles;
    }

    private static void Toggle(HashSet<string> roles, string role, bool on)
    {
        if (on) roles.Add(role);
        else roles.Remove(role);
    }

    private async Task CreateAsync()
    {
        var created = await CoreActions.RunAsync(Snackbar, Refusals, async () =>
        {
            await Accounts.CreateAsync(await Actor.GetAsync(), _newName, _newPassword, _newRoles);
            return $"User {_newName.Trim()} created.";
        }, _fields);
        if (!created) return;
        (_newName, _newPassword) = ("", "");
        await ReloadAsync();
    }

    private async Task SaveRolesAsync(UserAccount user)
    {
        await CoreActions.RunAsync(Snackbar, Refusals, async () =>
        {
            await Accounts.SetRolesAsync(await Actor.GetAsync(), user.UserName, RolesOf(user));
            return $"{user.UserName} now has the roles {string.Join(", ", RolesOf(user))}.";
        });
        await ReloadAsync();
    }

    private async Task DisableAsync(UserAccount user)
    {
        await CoreActions.RunAsync(Snackbar, Refusals, async () =>
        {
            await Accounts.DisableAsync(await Actor.GetAsync(), user.UserName);
            return $"{user.UserName} is disabled: they cannot sign in, and their open pages stop within a minute.";
        });
        await ReloadAsync();
    }

    private async Task EnableAsync(UserAccount user)
    {
        await CoreActions.RunAsync(Snackbar, Refusals, async () =>
        {
            await Accounts.EnableAsync(await Actor.GetAsync(), user.UserName);
            return $"{user.UserName} is enabled and can sign in again.";
        });
        await ReloadAsync();
    }
}
