namespace FedDashboard.Core.Orchestration.Live;

/// <summary>Every concrete live event type; the hub and the nodes' channel carry each under its type's name.</summary>
public static class LiveEventTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(RoundPhaseChanged),
        typeof(ParticipantChanged),
        typeof(ModelVersionChanged),
        typeof(JobChanged),
        typeof(TrainingRequestChanged),
        typeof(RoundRewarded),
        typeof(FleetTick),
        typeof(FleetMap),
    ];

    public static readonly IReadOnlyDictionary<string, Type> ByName = All.ToDictionary(t => t.Name);
}
