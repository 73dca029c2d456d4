namespace FedDashboard.Core.Rewards;

/// <summary>
/// An approver's acceptance or rejection of a correction that needs one (<see cref="RewardEntry.NeedsAcceptance"/>).
/// The ledger line itself never changes; a correction counts once an accepted decision references it. One decision per
/// correction, and the database refuses to change or delete one.
/// </summary>
public sealed class CorrectionDecision
{
    public const int MaxCommentLength = 1000;

    private CorrectionDecision() => DecidedBy = "";

    public CorrectionDecision(RewardEntry correction, bool accepted, string decidedBy, string? comment, DateTimeOffset at)
    {
        if (!correction.NeedsAcceptance) throw new InvalidOperationException($"Ledger line {correction.Id} counts without an approver's acceptance; there is nothing to decide.");
        if (string.Equals(decidedBy, correction.CreatedBy, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{decidedBy} made correction {correction.Id} and cannot decide on it; another approver must.");
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!accepted && trimmed is null) throw new ArgumentException("A rejection needs a reason, so the operator knows why the correction does not count.");
        if (trimmed?.Length > MaxCommentLength) throw new ArgumentException($"A comment has at most {MaxCommentLength} characters (was {trimmed.Length}).");
        CorrectionId = correction.Id;
        Accepted = accepted;
        DecidedBy = decidedBy;
        Comment = trimmed;
        DecidedAt = at;
    }

    public long CorrectionId { get; private set; }
    public bool Accepted { get; private set; }
    public string DecidedBy { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
}
