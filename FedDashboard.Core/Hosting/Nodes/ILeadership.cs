namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>
/// Whether this node leads the singleton work (the fleet's ticks, the liveness sweep). Work that must run once in the
/// cluster asks before each run; a leader that could not renew its lease stops leading when the lease would expire.
/// Thread-safe.
/// </summary>
public interface ILeadership
{
    bool IsLeader { get; }

    /// <summary>Completes once this node leads (at once if it does).</summary>
    Task WhenLeaderAsync(CancellationToken ct);
}
