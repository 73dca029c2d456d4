using FedDashboard.Core.Security;
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
        var error = await Accounts.CreateAsync(await Actor.GetAsync(), _newName, _newPassword, _newRoles);
        Report(error, $"User {_newName.Trim()} created.");
        if (error is not null) return;
        (_newName, _newPassword) = ("", "");
        await ReloadAsync();
    }

    private async Task SaveRolesAsync(UserAccount user)
    {
        var error = await Accounts.SetRolesAsync(await Actor.GetAsync(), user.UserName, RolesOf(user));
        Report(error, $"{user.UserName} now has the roles {string.Join(", ", RolesOf(user))}.");
        await ReloadAsync();
    }

    private async Task DisableAsync(UserAccount user)
    {
        var error = await Accounts.DisableAsync(await Actor.GetAsync(), user.UserName);
        Report(error, $"{user.UserName} is disabled: they cannot sign in, and their open pages stop within a minute.");
        await ReloadAsync();
    }

    private async Task EnableAsync(UserAccount user)
    {
        var error = await Accounts.EnableAsync(await Actor.GetAsync(), user.UserName);
        Report(error, $"{user.UserName} is enabled and can sign in again.");
        await ReloadAsync();
    }

    private void Report(string? error, string success) =>
        Snackbar.Add(error ?? success, error is null ? Severity.Success : Severity.Error);
}
