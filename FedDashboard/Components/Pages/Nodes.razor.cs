using FedDashboard.Core.Hosting.Nodes;
using FedDashboard.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using System.Data.Common;

namespace FedDashboard.Components.Pages;

/// <summary>The nodes on the database. Heartbeats are no live events: the page reads them again every few seconds.</summary>
public partial class Nodes : ComponentBase, IAsyncDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _closed = new();
    private IReadOnlyList<NodeRow>? _rows;
    private NodeRow? _leader;

    [Inject] public required NodeRegistry Registry { get; set; }
    [Inject] public required TimeProvider Clock { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var closed = _closed.Token;
        await LoadAsync(closed);
        _ = RefreshAsync(closed);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        _rows = NodeRow.From(await Registry.OverviewAsync(ct));
        _leader = _rows.FirstOrDefault(r => r.LeadsSince is not null);
    }

    private async Task RefreshAsync(CancellationToken closed)
    {
        using var timer = new PeriodicTimer(Refresh, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(closed))
            {
                try
                {
                    await InvokeAsync(async () =>
                    {
                        await LoadAsync(closed);
                        StateHasChanged();
                    });
                }
                catch (DbException)
                {
                    // The database is out of reach for now: the page keeps what it showed and the next refresh tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static Color ChipColor(NodeState state) => state switch
    {
        NodeState.Alive => Color.Success,
        NodeState.Silent => Color.Warning,
        _ => Color.Default,
    };

    public async ValueTask DisposeAsync()
    {
        await _closed.CancelAsync();
        _closed.Dispose();
    }
}
