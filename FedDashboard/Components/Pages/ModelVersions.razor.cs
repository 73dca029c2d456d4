using FedDashboard.Components.Controls;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Model;
using Microsoft.AspNetCore.Components;

namespace FedDashboard.Components.Pages;

public partial class ModelVersions : OperatorPage
{
    private VersionsModel? _model;
    private string? _comment;

    /// <summary>The job whose versions are shown; the newest job when absent.</summary>
    [Parameter] public int? JobId { get; set; }

    [Inject] public required JobQueries Jobs { get; set; }
    [Inject] public required VersionQueries Queries { get; set; }
    [Inject] public required VersionDecisions Decisions { get; set; }

    protected override async Task LoadAsync()
    {
        var job = await Jobs.FindAsync(JobId);
        _model = job is null ? null : new VersionsModel(job, await Queries.ListAsync(job.Id), await CurrentActor.GetAsync());
    }

    protected override async Task ApplyAsync(IReadOnlyList<LiveEvent> batch)
    {
        if (batch.Any(e => e is ModelVersionChanged or JobChanged)) await LoadAsync();
    }

    private Task ApproveAsync(VersionRow version) => DecideAsync(version, (actor, comment) => Decisions.ApproveAsync(version.Id, actor, comment), "approved");

    private Task RejectAsync(VersionRow version) => DecideAsync(version, (actor, comment) => Decisions.RejectAsync(version.Id, actor, comment), "rejected");

    private async Task DecideAsync(VersionRow version, Func<Actor, string?, Task> decide, string outcome)
    {
        // The comment as typed when the button was pressed; it is cleared only once it is on record.
        var comment = _comment;
        if (await ActAsync(actor => decide(actor, comment), $"{version.Label} {outcome}.")) _comment = null;
    }

    private Task PublishAsync(VersionRow version) =>
        ActAsync(actor => Decisions.PublishAsync(version.Id, actor), $"{version.Label} published: edges hand it out from the next round.");

    private Task RollBackAsync(VersionRow version) =>
        ActAsync(actor => Decisions.RollBackAsync(version.Id, actor), $"Rolled back to {version.Label}: edges hand it out from the next round.");
}
