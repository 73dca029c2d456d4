using FedDashboard.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Pages;

public partial class Policies : ComponentBase
{
    private IReadOnlyList<EdgePolicyForm>? _forms;
    private readonly HashSet<int> _conflicts = [];
    private int _active;
    private bool _saving;

    [Inject] public required EdgePolicyEditor Editor { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }

    protected override async Task OnInitializedAsync() => _forms = await Editor.LoadAsync();

    private async Task SaveAsync(EdgePolicyForm form)
    {
        _saving = true;
        try
        {
            var result = await Editor.SaveAsync(form);
            if (result.Outcome == PolicySaveOutcome.Conflict) _conflicts.Add(form.EdgeId);
            else _conflicts.Remove(form.EdgeId);
            Snackbar.Add(result.Message, result.Outcome == PolicySaveOutcome.Saved ? Severity.Success : Severity.Error);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ReloadAsync(EdgePolicyForm form)
    {
        await Editor.ReloadAsync(form);
        _conflicts.Remove(form.EdgeId);
    }
}
