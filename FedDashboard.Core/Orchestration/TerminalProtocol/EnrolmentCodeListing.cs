using FedDashboard.Core.Domain.Enrolment;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// An enrolment code as operators see it: told apart by its <see cref="Hint"/>, with why it would refuse an enrolment at
/// the time it was read (<see cref="Refusal"/>), null while it is active.
/// </summary>
public sealed record EnrolmentCodeListing(int Id, int EdgeId, string Edge, string Hint, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    int Uses, int MaxUses, EnrolmentCodeRefusal? Refusal, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static EnrolmentCodeListing Of(EnrolmentCode c, string edge, DateTimeOffset now) =>
        new(c.Id, c.EdgeId, edge, c.Hint, c.CreatedBy, c.CreatedAt, c.ExpiresAt, c.Uses, c.MaxUses, c.RefusalAt(now), c.RevokedAt, c.RevokedBy);

    public bool IsActive => Refusal is null;

    /// <summary>Active, Expired, Used up or Revoked.</summary>
    public string StatusText => Refusal switch
    {
        null => "Active",
        EnrolmentCodeRefusal.UsedUp => "Used up",
        { } refusal => refusal.ToString(),
    };
}
