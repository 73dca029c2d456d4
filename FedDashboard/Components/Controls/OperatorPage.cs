using FedDashboard.Core.Security;
using FedDashboard.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Controls;

/// <summary>
/// A live page whose buttons act through Core as the signed-in user (see <see cref="CoreActions"/>). Whether or not an
/// action went through, the page reads its state again, since what it showed may have been stale.
/// </summary>
public abstract class OperatorPage : LivePage
{
    [Inject] public required CurrentActor CurrentActor { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }

    /// <param name="done">The snackbar's message when the action went through.</param>
    /// <returns>Whether the action went through.</returns>
    protected async Task<bool> ActAsync(Func<Actor, Task> action, string done)
    {
        var succeeded = await CoreActions.RunAsync(Snackbar, async () =>
        {
            await action(await CurrentActor.GetAsync());
            return done;
        });
        await LoadAsync();
        return succeeded;
    }
}
