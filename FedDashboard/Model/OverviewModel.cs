using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;


namespace FedDashboard.Model;

public sealed record LoadPoint(DateTimeOffset At, double MeanCpuLoad, double MeanBattery);

/// <summary>What a batch of live events added: the points the overview's charts append.</summary>
public sealed record OverviewChanges(IReadOnlyList<RoundAccuracy> Accuracy, IReadOnlyList<LoadPoint> Load);

/// <summary>The overview's state, started from the database and moved on by live events; no rendering involved.</summary>
public sealed class OverviewModel(OverviewState initial)
{
    public JobSummary? Job { get; private set; } = initial.Job;
    public int? RoundNumber { get; private set; } = initial.RoundNumber;
    public RoundPhase? RoundPhase { get; private set; } = initial.RoundPhase;
    public FleetCounts Fleet { get; private set; } = initial.Fleet;
    public double? MeanCpuLoad { get; private set; }
    public IReadOnlyList<RoundAccuracy> Accuracy => _accuracy;

    private readonly List<RoundAccuracy> _accuracy = [.. initial.Accuracy];

    public RoundAccuracy? LatestAccuracy => _accuracy.Count == 0 ? null : _accuracy[^1];

    public OverviewChanges Apply(IReadOnlyList<LiveEvent> events)
    {
        var accuracy = new List<RoundAccuracy>();
        var load = new List<LoadPoint>();
        foreach (var liveEvent in events)
        {
            switch (liveEvent)
            {
                case FleetTick tick:
                    Fleet = new FleetCounts(tick.Terminals, tick.Online, tick.InCoverage, tick.Training);
                    MeanCpuLoad = tick.MeanCpuLoad;
                    load.Add(new LoadPoint(tick.At, tick.MeanCpuLoad, tick.MeanBattery));
                    break;
                case RoundPhaseChanged round when round.JobId == Job?.Id:
                    RoundNumber = round.RoundNumber;
                    RoundPhase = round.Phase;
                    break;
                case ModelVersionChanged { RoundNumber: { } number, TestAccuracy: { } value } version
                    when version.JobId == Job?.Id && _accuracy.All(p => p.Round != number):
                    var point = new RoundAccuracy(number, value);
                    _accuracy.Add(point);
                    accuracy.Add(point);
                    break;
                case JobChanged job when job.JobId == Job?.Id:
                    Job = Job with { Status = job.Status, EndReason = job.Reason };
                    break;
            }
        }
        return new OverviewChanges(accuracy, load);
    }
}
