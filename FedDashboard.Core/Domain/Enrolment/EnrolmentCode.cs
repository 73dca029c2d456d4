namespace FedDashboard.Core.Domain.Enrolment;

/// <summary>
/// An operator's code with which terminals enrol with an edge: valid until it expires, is used up or is revoked. Only the
/// code's hash is kept; <see cref="Hint"/> (its last characters) tells codes apart on the page.
/// </summary>
public sealed class EnrolmentCode
{
    private EnrolmentCode() => CodeHash = Hint = CreatedBy = "";

    public EnrolmentCode(int edgeId, string codeHash, string hint, string createdBy, DateTimeOffset createdAt, DateTimeOffset expiresAt, int maxUses)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(codeHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxUses);
        if (expiresAt <= createdAt) throw new ArgumentOutOfRangeException(nameof(expiresAt), expiresAt, "A code expires after it is created.");
        EdgeId = edgeId;
        CodeHash = codeHash;
        Hint = hint;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        MaxUses = maxUses;
    }

    public int Id { get; private set; }
    public int EdgeId { get; private set; }
    public string CodeHash { get; private set; }
    public string Hint { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public int MaxUses { get; private set; }
    public int Uses { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public uint Version { get; private set; }

    /// <summary>Why a terminal cannot enrol with the code now; null when it can.</summary>
    public EnrolmentCodeRefusal? RefusalAt(DateTimeOffset now) =>
        RevokedAt is not null ? EnrolmentCodeRefusal.Revoked
        : now >= ExpiresAt ? EnrolmentCodeRefusal.Expired
        : Uses >= MaxUses ? EnrolmentCodeRefusal.UsedUp
        : null;

    /// <summary>A terminal enrols with the code.</summary>
    public void Use(DateTimeOffset now)
    {
        if (RefusalAt(now) is { } refusal) throw new InvalidOperationException($"Enrolment code {Id} cannot be used: {refusal}.");
        Uses++;
    }

    public const int MaxUsesLimit = 100_000;
    public static readonly TimeSpan LongestValidity = TimeSpan.FromDays(30);
}
