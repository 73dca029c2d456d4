using FedDashboard.Core.Domain.Refusals;


namespace FedDashboard.Core.Domain.Rewards;

/// <summary>
/// An approver's acceptance or rejection of a correction that needs one (<see cref="RewardEntry.NeedsAcceptance"/>).
/// The ledger line itself never changes; a correction counts once an accepted decision references it. One decision per
/// correction, and the database refuses to change or delete one.
/// </summary>
public sealed class CorrectionDecision
{
    public const int MaxCommentLength = 1000;

    /// <summary>The comment's name in requests and on pages, for a refusal shown at its field.</summary>
    public const string CommentField = "comment";

    private CorrectionDecision() => DecidedBy = "";

    public CorrectionDecision(RewardEntry correction, bool accepted, string decidedBy, string? comment, DateTimeOffset at)
    {
        if (!correction.NeedsAcceptance) throw new ConflictException($"Ledger line {correction.Id} counts without an approver's acceptance; there is nothing to decide.");
        if (string.Equals(decidedBy, correction.CreatedBy, StringComparison.OrdinalIgnoreCase))
            throw new ConflictException($"{decidedBy} made correction {correction.Id} and cannot decide on it; another approver must.");
        var trimmed = accepted
            ? TextInput.Optional(comment, MaxCommentLength, CommentField, "A comment")
            : TextInput.Required(comment, MaxCommentLength, CommentField, "A comment", "A rejection needs a reason, so the operator knows why the correction does not count.");
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
