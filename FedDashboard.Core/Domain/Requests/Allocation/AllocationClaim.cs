namespace FedDashboard.Core.Domain.Requests.Allocation;

/// <summary>An open request asking for its share of the fleet.</summary>
/// <param name="Wanted">C·K, the participants its job's own settings select per round: it is never given more.</param>
public sealed record AllocationClaim(int RequestId, RequestPriority Priority, int Wanted);
