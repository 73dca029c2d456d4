using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>One edge's part of a round as the central tier splits it, before the edge selects among its own terminals.</summary>
/// <param name="Index">The edge's position among all edges ordered by id.</param>
/// <param name="FirstParticipant">The position in the round's selection order its first assigned terminal takes: the shares of the edges before it.</param>
/// <param name="Share">How many terminals the edge assigns at most.</param>
/// <param name="Eligible">Its candidates that meet its standard, whether it asks them or not.</param>
public sealed record EdgeQuota(EdgeServer Edge, int Index, int FirstParticipant, int Share, int Eligible);
