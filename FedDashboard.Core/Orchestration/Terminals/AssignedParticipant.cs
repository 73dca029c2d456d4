using FedDashboard.Core.Domain.Topology;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>A participant saved as assigned, for its terminal to take up.</summary>
/// <param name="EdgeId">Its edge, whose queue its simulated training goes to when a node serves it.</param>
/// <param name="Origin">Whose terminal it is: only the simulated fleet's are started by the <see cref="IAssignmentNotifier"/>.</param>
public sealed record AssignedParticipant(int Id, int EdgeId, TerminalOrigin Origin);
