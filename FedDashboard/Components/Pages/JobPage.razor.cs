using FedDashboard.Components.Controls;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Model;
using Microsoft.AspNetCore.Components;

namespace FedDashboard.Components.Pages;

public partial class JobPage : OperatorPage
{
    private JobPageModel? _model;

    /// <summary>The job shown; the newest job when absent.</summary>
    [Parameter] public int? Id { get; set; }

    [Inject] public required JobPageQueries Queries { get; set; }
    [Inject] public required JobControls Controls { get; set; }

    protected override async Task LoadAsync()
    {
        var state = await Queries.LoadAsync(Id);
        _model = state is null ? null : new JobPageModel(state, await CurrentActor.GetAsync());
    }

    protected override async Task ApplyAsync(IReadOnlyList<LiveEvent> batch)
    {
        var jobId = _model?.Job.Id;
        if (batch.Any(e => e is JobChanged j && j.JobId == jobId || e is RoundPhaseChanged r && r.JobId == jobId || e is ModelVersionChanged v && v.JobId == jobId))
            await LoadAsync();
    }

    private Task PauseAsync() =>
        ActAsync(actor => Controls.PauseAsync(_model!.Job.Id, actor), "Paused: no new round starts; a round already started finishes.");

    private Task ResumeAsync() => ActAsync(actor => Controls.ResumeAsync(_model!.Job.Id, actor), "Resumed: the next round starts.");

    private Task AbortAsync() => ActAsync(actor => Controls.AbortAsync(_model!.Job.Id, actor), "Aborted: the job and its collecting round have ended.");
}
