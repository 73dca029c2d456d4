using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Model;
using FedDashboard.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Controls;

public partial class EnrolmentCodesPanel : ComponentBase
{
    private IReadOnlyList<EnrolmentCodeListing>? _codes;
    private IReadOnlyList<(int Id, string Name)> _edges = [];
    private bool _mayOperate;
    private int? _edgeId;
    private double _validForHours = 24;
    private int _maxUses = 1;
    private IssuedEnrolmentCode? _issued;
    private bool _busy;

    [Inject] public required EnrolmentCodes Codes { get; set; }
    [Inject] public required TerminalQueries Queries { get; set; }
    [Inject] public required CurrentActor CurrentActor { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required PageRefusals Refusals { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }

    /// <summary>Core's refusal of the form's input, at its field.</summary>
    private FieldMessages Fields { get; } = new();

    /// <summary>The form and buttons appear once interactive: prerendered ones would take clicks that go nowhere.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _edges = [.. (await Queries.EdgeChoicesAsync()).Where(e => e.EdgeId is not null).Select(e => (e.EdgeId!.Value, e.Label))];
        _edgeId = _edges.Count > 0 ? _edges[0].Id : null;
        _mayOperate = (await CurrentActor.GetAsync()).CanOperate;
        await ReloadAsync();
        StateHasChanged();
    }

    private async Task ReloadAsync() => _codes = await Codes.ListAsync();

    private Task CreateAsync() => ActAsync(async actor =>
    {
        _issued = null;
        _issued = await Codes.CreateAsync(actor, _edgeId!.Value, _validForHours, _maxUses);
        return $"Enrolment code ending in {_issued.Code.Hint} created. Copy it now: it will not be shown again.";
    });

    private async Task RevokeAsync(EnrolmentCodeListing code)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Revoke the code ending in {code.Hint}?",
            $"No terminal can enrol with it any more ({code.Uses} of {code.MaxUses} uses taken). Terminals that enrolled with it stay enrolled; revoke their credentials on their pages.",
            yesText: "Revoke", cancelText: "Cancel");
        if (confirmed == true)
            await ActAsync(async actor =>
            {
                await Codes.RevokeAsync(actor, code.Id);
                return $"Enrolment code ending in {code.Hint} revoked.";
            });
    }

    private async Task ActAsync(Func<Actor, Task<string>> action)
    {
        _busy = true;
        try
        {
            await CoreActions.RunAsync(Snackbar, Refusals, async () => await action(await CurrentActor.GetAsync()), Fields);
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private string EdgeName(int edgeId) => _edges.FirstOrDefault(e => e.Id == edgeId).Name ?? $"edge {edgeId}";

    private static string Instant(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm");

    private static Color StatusColour(EnrolmentCodeListing code) => code.Refusal switch
    {
        null => Color.Success,
        EnrolmentCodeRefusal.Revoked => Color.Error,
        _ => Color.Default,
    };
}
