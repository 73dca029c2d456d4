using FedDashboard.Core.Domain.Security;
using FedDashboard.Model;
using FedDashboard.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Pages;

public partial class NewJob : ComponentBase
{
    private NewJobForm _form = NewJobForm.Default();
    private bool _launching;

    [Inject] public required JobCreator Creator { get; set; }
    [Inject] public required CurrentActor Actor { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }

    private async Task LaunchAsync()
    {
        _launching = true;
        try
        {
            var result = await Creator.CreateAsync(_form, await Actor.GetAsync());
            Snackbar.Add(result.Message, result.Launched ? Severity.Success : Severity.Error);
            // The snackbar lives in the layout, so it stays on screen across the navigation.
            if (result.Launched) Navigation.NavigateTo("");
        }
        finally
        {
            _launching = false;
        }
    }

    private void Reset() => _form = NewJobForm.Default();
}
