using FedDashboard.Components.Controls;
using FedDashboard.Components.Dialogs;
using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Security;
using MudBlazor;
using FedDashboard.Model;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib.XAxisLib;
using Plotly.Blazor.Traces.ScatterLib;

namespace FedDashboard.Components.Pages;

public partial class TerminalDetailPage : ComponentBase
{
    private readonly Config _config = ChartDefaults.Config();
    private readonly Plotly.Blazor.Layout _loadLayout = HistoryLayout("CPU load", [0, 1], ".0%");
    private readonly Plotly.Blazor.Layout _batteryLayout = HistoryLayout("battery", [0, 1], ".0%");
    private readonly Plotly.Blazor.Layout _speedLayout = HistoryLayout("samples/s", null, null);
    private IList<ITrace> _load = [];
    private IList<ITrace> _battery = [];
    private IList<ITrace> _speed = [];
    private TerminalDetail? _detail;
    private bool _loading = true;
    private DateTimeOffset _now;

    private bool _mayOperate;
    private bool _busy;

    [Parameter] public int TerminalId { get; set; }
    [Inject] public required TerminalQueries Queries { get; set; }
    [Inject] public required TimeProvider Clock { get; set; }
    [Inject] public required CredentialRevocation Revocation { get; set; }
    [Inject] public required CurrentActor CurrentActor { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required PageRefusals Refusals { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _mayOperate = (await CurrentActor.GetAsync()).CanOperate;
        await LoadAsync();
        _loading = false;
    }

    private async Task LoadAsync()
    {
        _detail = await Queries.DetailAsync(TerminalId);
        _now = Clock.GetUtcNow();
        if (_detail is not null)
        {
            var times = _detail.History.Select(p => (object)p.At.LocalDateTime).ToList();
            // Markers too: a terminal seen for a minute has a handful of points, and one point draws no line.
            const ModeFlag mode = ModeFlag.Lines | ModeFlag.Markers;
            _load = [ChartDefaults.Line("CPU load", times, _detail.History.Select(p => (object)p.CpuLoad), mode)];
            _battery = [ChartDefaults.Line("battery", times, _detail.History.Select(p => (object)p.Battery), mode)];
            _speed = [ChartDefaults.Line("training speed", times, _detail.History.Select(p => (object)p.TrainingSpeed), mode)];
        }
    }

    private async Task RevokeAsync()
    {
        var name = _detail!.Terminal.Name;
        var reason = await TextDialog.AskAsync(Dialogs, $"Revoke {name}'s credential", new()
        {
            { d => d.Explanation, $"{name}'s next call is refused, and it cannot take part again until it enrols anew with an enrolment code. Say why: the reason stays on this page and in the audit log." },
            { d => d.Label, "Reason" },
            { d => d.ConfirmText, "Revoke" },
            { d => d.Color, Color.Error },
            { d => d.Required, true },
            { d => d.MaxLength, TerminalCredential.RevokeReasonMaxLength },
        });
        if (reason is null) return;
        _busy = true;
        try
        {
            await CoreActions.RunAsync(Snackbar, Refusals, async () =>
            {
                await Revocation.RevokeAsync(await CurrentActor.GetAsync(), TerminalId, reason);
                return $"{name}'s credential revoked: its next call is refused.";
            });
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private static Plotly.Blazor.Layout HistoryLayout(string yTitle, IList<object>? range, string? format)
    {
        var layout = ChartDefaults.Layout("time", yTitle, TypeEnum.Date, range, format);
        layout.Height = 220;
        layout.ShowLegend = false;
        return layout;
    }
}
