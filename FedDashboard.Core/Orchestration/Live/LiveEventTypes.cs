namespace FedDashboard.Core.Orchestration.Live;

/// <summary>Every concrete live event type; the hub sends and listens under each type's name.</summary>
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
        typeof(FleetPositions),
    ];
}
