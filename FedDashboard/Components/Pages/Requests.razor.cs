using FedDashboard.Components.Controls;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Requests;
using Microsoft.AspNetCore.Components;

namespace FedDashboard.Components.Pages;

public partial class Requests : LivePage
{
    private IReadOnlyList<RequestBoardRow>? _rows;
    private Dictionary<int, string> _clients = [];
    private RequestBoardFilter _filter = new();
    private DateTimeOffset _now;

    [Inject] public required TrainingRequestBoard Board { get; set; }
    [Inject] public required TimeProvider Clock { get; set; }

    protected override async Task LoadAsync()
    {
        _now = Clock.GetUtcNow();
        _rows = await Board.ListAsync(_filter);
        _clients = new(await Board.ClientsAsync());
    }

    /// <summary>A request changed, or the job of one listed made progress.</summary>
    protected override async Task ApplyAsync(IReadOnlyList<LiveEvent> batch)
    {
        var jobs = _rows?.Select(r => r.Request.JobId).OfType<int>().ToHashSet() ?? [];
        if (batch.Any(e => e is TrainingRequestChanged || JobOf(e) is { } job && jobs.Contains(job))) await LoadAsync();
    }

    internal static int? JobOf(LiveEvent liveEvent) => liveEvent switch
    {
        RoundPhaseChanged e => e.JobId,
        ModelVersionChanged e => e.JobId,
        RoundRewarded e => e.JobId,
        JobChanged e => e.JobId,
        _ => null,
    };

    private async Task StatusChangedAsync(TrainingRequestStatus? status)
    {
        _filter = _filter with { Status = status };
        await LoadAsync();
    }

    private async Task ClientChangedAsync(int? clientId)
    {
        _filter = _filter with { ClientId = clientId };
        await LoadAsync();
    }
}
