using FedDashboard.Core.Orchestration.Governance;


namespace FedDashboard.Core.Orchestration.Live;

/// <summary>Where the orchestrator and the fleet announce what happened. Never throws: a lost live event must not fail a round.</summary>
public interface ILivePublisher
{
    Task PublishAsync(LiveEvent liveEvent);
}
