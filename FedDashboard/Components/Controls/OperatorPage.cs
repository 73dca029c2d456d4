using FedDashboard.Core.Security;
using FedDashboard.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Controls;

/// <summary>
/// A live page whose buttons act through Core as the signed-in user. Core has the last word: a refusal, for the user's
/// roles or for the state of what they act on, shows as a snackbar and changes nothing. Either way the page reads its
/// state again, since what it showed may have been stale.
/// </summary>
public abstract class OperatorPage : LivePage
{
    [Inject] public required CurrentActor CurrentActor { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }

    /// <param name="done">The snackbar's message when the action went through.</param>
    /// <returns>Whether the action went through.</returns>
    protected async Task<bool> ActAsync(Func<Actor, Task> action, string done)
    {
        var succeeded = false;
        try
        {
            await action(await CurrentActor.GetAsync());
            Snackbar.Add(done, Severity.Success);
            succeeded = true;
        }
        catch (AccessDeniedException refused)
        {
            Snackbar.Add(refused.Message, Severity.Error);
        }
        catch (InvalidOperationException illegal)
        {
            Snackbar.Add(illegal.Message, Severity.Warning);
        }
        await LoadAsync();
        return succeeded;
    }
}
