using FedDashboard.Core.Security;
using MudBlazor;

namespace FedDashboard.Components.Controls;

/// <summary>
/// Runs a button's action through Core and reports how it went in a snackbar. Core has the last word: a refusal for the
/// user's roles, bad input or an illegal move for the state of what they act on shows its reason and changes nothing.
/// </summary>
public static class CoreActions
{
    /// <param name="action">Acts, and returns the snackbar's message for when it went through.</param>
    /// <returns>Whether the action went through.</returns>
    public static async Task<bool> RunAsync(ISnackbar snackbar, Func<Task<string>> action)
    {
        try
        {
            snackbar.Add(await action(), Severity.Success);
            return true;
        }
        catch (AccessDeniedException refused)
        {
            snackbar.Add(refused.Message, Severity.Error);
        }
        catch (ArgumentException bad)
        {
            snackbar.Add(bad.Message, Severity.Warning);
        }
        catch (InvalidOperationException illegal)
        {
            snackbar.Add(illegal.Message, Severity.Warning);
        }
        return false;
    }
}
