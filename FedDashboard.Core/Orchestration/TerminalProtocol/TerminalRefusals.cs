using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Protocol;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>What the desks share to refuse a terminal's call about an assignment.</summary>
internal static class TerminalRefusals
{
    /// <summary>The participant behind the caller's assignment id (tracked), refused when unknown or another terminal's.</summary>
    public static async Task<RoundParticipant> AssignmentOfAsync(this FedDbContext db, TerminalGate gate, AuthenticatedTerminal caller, int assignmentId, CancellationToken ct)
    {
        var participant = await db.RoundParticipants.SingleOrDefaultAsync(p => p.Id == assignmentId, ct)
            ?? throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.UnknownAssignment, $"There is no assignment {assignmentId}.", ct);
        if (participant.TerminalId != caller.TerminalId)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.NotYourAssignment, $"Assignment {assignmentId} belongs to another terminal, not to terminal {caller.TerminalId}.", ct);
        return participant;
    }

    /// <summary>How an ended participation stands, for a message: "Replaced (trained too slowly)".</summary>
    public static string Describe(this RoundParticipant participant) =>
        participant.FailureReason is { } reason ? $"{participant.Status} ({reason})" : participant.Status.ToString();
}
