namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// Tells the terminal side that participants have an assignment to take up (a round started, a standby took over).
/// It may hear of the same participant more than once and must not mind. Terminals that poll the
/// <see cref="Terminals.AssignmentDesk"/> need nothing here; the simulated fleet starts their training.
/// </summary>
public interface IAssignmentNotifier
{
    void Assigned(IReadOnlyList<AssignedParticipant> participants);
}
