namespace FedDashboard.Core.Domain.Strategies;

/// <summary>What an edge needs of the round to configure its part.</summary>
/// <param name="EdgeIndex">The edge's position among all edges ordered by id.</param>
/// <param name="FirstParticipant">The position in the round's selection order its first assigned terminal takes.</param>
/// <param name="Seed">The edge's seed for this round: the same seed asks the same terminals in the same order.</param>
/// <param name="Donors">The edge's donors when the job shares data; null when it does not.</param>
public sealed record EdgeRound(int Number, int EdgeIndex, int FirstParticipant, int Seed, SharedDataDonors? Donors);
