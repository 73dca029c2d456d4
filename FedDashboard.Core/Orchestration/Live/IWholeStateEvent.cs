namespace FedDashboard.Core.Orchestration.Live;

/// <summary>
/// An event that carries the whole state it describes (every terminal's position, say): a subscriber needs only the
/// newest, so a newer one replaces an older one of its type still waiting for the subscriber's next batch.
/// </summary>
public interface IWholeStateEvent;
