using FedDashboard.Api;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Pages;

public partial class AuditLog : ComponentBase
{
    /// <summary>A job's start lists every setting; the row shows the first few, the export has them all.</summary>
    private const int MaxChangesShown = 8;

    private MudTable<AuditEntry>? _table;
    private AuditFilter _filter = new();
    private PickedDays _days = new();
    private string? _periodError;
    private int _total;

    [Inject] public required AuditQueries Queries { get; set; }

    private string ExportHref => AuditEndpoints.ExportPath.TrimStart('/') + AuditQuery.ToQueryString(_filter);

    private async Task<TableData<AuditEntry>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await Queries.PageAsync(_filter, state.Page, state.PageSize, ct);
        if (_total != page.Total)
        {
            _total = page.Total;
            await InvokeAsync(StateHasChanged);
        }
        return new TableData<AuditEntry> { Items = page.Rows, TotalItems = page.Total };
    }

    private async Task ApplyAsync(AuditFilter filter)
    {
        _filter = filter;
        _periodError = filter.Problem;
        if (_periodError is null && _table is not null) await _table.ReloadServerData();
    }

    private Task SetPeriodAsync(PickedDays days)
    {
        _days = days;
        return ApplyAsync(_filter with { From = days.Start, To = days.End });
    }
}
