namespace FedDashboard.Core.Domain.Requests.Allocation;

/// <summary>How many terminals of one edge a request may use per round, and why, in words.</summary>
public sealed record EdgeQuota(int EdgeId, string EdgeName, int Quota, string Reason);
