using FedDashboard.Components.Controls;
using FedDashboard.Components.Dialogs;
using FedDashboard.Components.Requests;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Requests;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Pages;

public partial class RequestPage : OperatorPage
{
    private RequestDetail? _detail;
    private DateTimeOffset _now;
    private bool _loaded;
    private RequestAllocationPanel? _allocation;
    private RequestDeliveryPanel? _delivery;

    [Parameter] public int Id { get; set; }

    [Inject] public required TrainingRequestBoard Board { get; set; }
    [Inject] public required TrainingRequests Requests { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required TimeProvider Clock { get; set; }

    protected override async Task LoadAsync()
    {
        _now = Clock.GetUtcNow();
        _detail = await Board.ReadAsync(Id);
        _loaded = true;
    }

    /// <summary>This request changed, or its job made progress.</summary>
    protected override async Task ApplyAsync(IReadOnlyList<LiveEvent> batch)
    {
        var jobId = _detail?.Row.Request.JobId;
        if (!batch.Any(e => e is TrainingRequestChanged r && r.RequestId == Id || jobId is not null && Pages.Requests.JobOf(e) == jobId)) return;
        await LoadAsync();
        if (_allocation is not null) await _allocation.RefreshAsync();
        if (_delivery is not null) await _delivery.RefreshAsync();
    }

    private static double Capped(double fraction) => Math.Min(fraction, 1) * 100;

    private async Task CancelAsync()
    {
        var reason = await TextDialog.AskAsync(Dialogs, $"Cancel request #{Id}", new()
        {
            { d => d.Explanation, "The request ends as cancelled and its job is aborted. The client reads the reason; the audit log names you." },
            { d => d.Label, "Reason" },
            { d => d.ConfirmText, "Cancel request" },
            { d => d.Required, true },
            { d => d.MaxLength, TrainingRequests.MaxReasonLength },
            { d => d.Color, Color.Error },
        });
        if (reason is null) return;
        await ActAsync(actor => Requests.CancelForClientAsync(actor, Id, reason), $"Request #{Id} cancelled; its job is aborted.");
    }
}
