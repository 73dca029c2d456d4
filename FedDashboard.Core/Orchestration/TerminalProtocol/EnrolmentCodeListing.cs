using FedDashboard.Core.Domain.Enrolment;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>An enrolment code as operators see it: told apart by its <see cref="Hint"/>, with its status at the time it was read.</summary>
public sealed record EnrolmentCodeListing(int Id, int EdgeId, string Edge, string Hint, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    int Uses, int MaxUses, EnrolmentCodeStatus Status, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static EnrolmentCodeListing Of(EnrolmentCode c, string edge, DateTimeOffset now) =>
        new(c.Id, c.EdgeId, edge, c.Hint, c.CreatedBy, c.CreatedAt, c.ExpiresAt, c.Uses, c.MaxUses, c.StatusAt(now), c.RevokedAt, c.RevokedBy);
}
