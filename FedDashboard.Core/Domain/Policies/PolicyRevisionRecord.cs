using FedDashboard.Core.Domain.Security;


namespace FedDashboard.Core.Domain.Policies;

/// <summary>One saved change of a policy: who, when, and the policy before and after as stored JSON.</summary>
public sealed record PolicyRevisionRecord(DateTimeOffset At, string Actor, string? Revision, string? Before, string? After);
