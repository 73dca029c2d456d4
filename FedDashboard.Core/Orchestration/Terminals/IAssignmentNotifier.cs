using FedDashboard.Core.Domain.Topology;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// Tells the terminal side that a participant has an assignment to take up (a round started, a standby took over).
/// It may hear of the same participant more than once and must not mind. Terminals that poll the
/// <see cref="Terminals.AssignmentDesk"/> need nothing here; the simulated fleet starts a training.
/// </summary>
public interface IAssignmentNotifier
{
    /// <param name="edgeId">The participant's edge, whose queue its simulated training goes to when a node serves it.</param>
    /// <param name="origin">Whose terminal it is: only the simulated fleet's are started from here.</param>
    void Assigned(int participantId, int edgeId, TerminalOrigin origin);
}
