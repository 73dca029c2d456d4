using FedDashboard.Core.Domain.Enrolment;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>A code just made, with its <see cref="Text"/>: shown to the operator this once, stored nowhere.</summary>
public sealed record IssuedEnrolmentCode(EnrolmentCode Code, string Text);
