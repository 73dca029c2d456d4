using FedDashboard.Core.Orchestration.Governance;


namespace FedDashboard.Core.Orchestration.Live;

/// <summary>Publishes straight into this node's feed: for a process without the web hub (benchmarks, one-node tests).</summary>
public sealed class LocalLivePublisher(LiveFeed feed) : ILivePublisher
{
    public Task PublishAsync(LiveEvent liveEvent)
    {
        feed.Deliver(liveEvent);
        return Task.CompletedTask;
    }
}
