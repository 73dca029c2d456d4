namespace FedDashboard.Core.Orchestration.Live;

/// <summary>
/// Where the events this node publishes go beyond its own feed: the other nodes, the web app's hub. The publisher calls
/// each outlet from one loop, one event at a time in publish order; an outlet may throw (the publisher logs it, and the
/// event is lost for that outlet only).
/// </summary>
public interface ILiveOutlet
{
    Task SendAsync(LiveEvent liveEvent);
}
