namespace FedDashboard.Core.Domain.Enrolment;

/// <summary>An enrolment code as the audit log records it before and after each step; never the code or its hash.</summary>
public sealed record EnrolmentCodeState(int Id, int EdgeId, string Hint, string CreatedBy, DateTimeOffset ExpiresAt, int MaxUses, int Uses,
    DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static EnrolmentCodeState Of(EnrolmentCode c) => new(c.Id, c.EdgeId, c.Hint, c.CreatedBy, c.ExpiresAt, c.MaxUses, c.Uses, c.RevokedAt, c.RevokedBy);
}
