using FedDashboard.Core.Domain.Training.Live;
using FedDashboard.Core.Orchestration.Training.Governance;


namespace FedDashboard.Core.Orchestration.Training.Live;

/// <summary>Where the orchestrator and the fleet announce what happened. Never throws: a lost live event must not fail a round.</summary>
public interface ILivePublisher
{
    Task PublishAsync(LiveEvent liveEvent);
}
