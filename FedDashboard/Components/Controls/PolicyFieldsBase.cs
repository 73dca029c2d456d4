using FedDashboard.Model;
using Microsoft.AspNetCore.Components;

namespace FedDashboard.Components.Controls;

/// <summary>What every policy form's fields take from the page: the form, save and reload, and whether a save may be tried.</summary>
public abstract class PolicyFieldsBase<TForm> : ComponentBase where TForm : PolicyForm
{
    [Parameter, EditorRequired] public required TForm Form { get; set; }
    [Parameter] public EventCallback OnSave { get; set; }
    [Parameter] public EventCallback OnReload { get; set; }
    [Parameter] public bool Saving { get; set; }
    [Parameter] public bool Conflict { get; set; }

    /// <summary>Hides nothing from the server's check; it only spares viewers a button that would be refused.</summary>
    [Parameter] public bool CanSave { get; set; } = true;
}
