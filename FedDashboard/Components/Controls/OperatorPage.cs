using FedDashboard.Core.Domain.Security;
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
    [Inject] public required PageRefusals Refusals { get; set; }

    /// <summary>Core's refusal of the last action's input, at the field it concerns.</summary>
    protected FieldMessages Fields { get; } = new();

    /// <param name="done">The snackbar's message when the action went through.</param>
    /// <returns>Whether the action went through.</returns>
    protected async Task<bool> ActAsync(Func<Actor, Task> action, string done)
    {
        var succeeded = await CoreActions.RunAsync(Snackbar, Refusals, async () =>
        {
            await action(await CurrentActor.GetAsync());
            return done;
        }, Fields);
        await LoadAsync();
        return succeeded;
    }
}
