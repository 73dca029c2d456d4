using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Orchestration.Governance;


namespace FedDashboard.Core.Domain.Governance;

/// <summary>
/// A central model of a job: a candidate with its lineage, its test metrics and the round that made it. Only the
/// initial model and candidates that meet the job's promotion criterion are versions, numbered v0, v1, ...; the others
/// are kept as not promoted, with the reason and without a number.
/// </summary>
public sealed class ModelVersion
{
    private ModelVersion() => ModelHash = "";

    private ModelVersion(int jobId, int? number, int? parentId, int? roundId, string modelHash, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelHash);
        JobId = jobId;
        Number = number;
        ParentId = parentId;
        RoundId = roundId;
        ModelHash = modelHash;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int JobId { get; private set; }

    /// <summary>v0 is the job's initial model; each promoted candidate takes the next number; null when not promoted.</summary>
    public int? Number { get; private set; }

    /// <summary>The model the candidate's round started from; for a promoted candidate, the version published then.</summary>
    public int? ParentId { get; private set; }

    public int? RoundId { get; private set; }
    public string ModelHash { get; private set; }

    /// <summary>The server optimizer's state after the step that made this model, as a blob; null when the job's rule has none.</summary>
    public string? ServerStateHash { get; private set; }
    public double? TestAccuracy { get; private set; }
    public double? TestLoss { get; private set; }
    public ModelVersionStatus Status { get; private set; }

    /// <summary>Why the candidate missed the job's promotion criterion, naming the values compared.</summary>
    public string? NotPromotedReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionComment { get; private set; }
    public uint Version { get; private set; }

    /// <summary>"v3", or for a candidate that was not promoted, "candidate 17" by its id.</summary>
    public string Label => Number is { } number ? $"v{number}" : $"candidate {Id}";

    /// <summary>Where the version stands, in words that complete a sentence about it.</summary>
    public string Standing => Status switch
    {
        ModelVersionStatus.PendingApproval => $"{Label} awaits approval",
        ModelVersionStatus.Approved => $"{Label} is approved",
        ModelVersionStatus.Rejected => $"{Label} was rejected",
        _ => $"{Label} was not promoted ({NotPromotedReason})",
    };

    /// <summary>The untrained model a job starts from; it needs no approval.</summary>
    public static ModelVersion Initial(int jobId, string modelHash, DateTimeOffset at) =>
        new(jobId, 0, null, null, modelHash, at) { Status = ModelVersionStatus.Approved, DecidedAt = at, DecidedBy = "system", DecisionComment = "Initial model" };

    /// <summary>A candidate that met the promotion criterion: the job's next version, waiting for an approver.</summary>
    /// <param name="number">Follows the job's newest version, which need not be the parent.</param>
    public static ModelVersion Promoted(ModelVersion parent, int number, int roundId, string modelHash, double testAccuracy, double testLoss, DateTimeOffset at,
        string? serverStateHash = null) =>
        new(parent.JobId, number > parent.Number ? number : throw new ArgumentOutOfRangeException(nameof(number), number, "A version's number must follow its parent's."),
            parent.Id, roundId, modelHash, at)
        {
            Status = ModelVersionStatus.PendingApproval,
            ServerStateHash = serverStateHash,
            TestAccuracy = testAccuracy,
            TestLoss = testLoss,
        };

    /// <summary>A candidate that missed the promotion criterion; it keeps its lineage and metrics but never becomes a version.</summary>
    public static ModelVersion NotPromoted(ModelVersion parent, int roundId, string modelHash, double testAccuracy, double testLoss, string reason, DateTimeOffset at,
        string? serverStateHash = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(parent.JobId, null, parent.Id, roundId, modelHash, at)
        {
            Status = ModelVersionStatus.NotPromoted,
            ServerStateHash = serverStateHash,
            TestAccuracy = testAccuracy,
            TestLoss = testLoss,
            NotPromotedReason = reason,
        };
    }

    /// <summary>The longest comment an approval or a rejection keeps (the column's size).</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>The comment's name in requests and on pages, for a refusal shown at its field.</summary>
    public const string CommentField = "comment";

    public void Approve(string by, string? comment, DateTimeOffset at) => Decide(ModelVersionStatus.Approved, by, comment, at);

    public void Reject(string by, string? comment, DateTimeOffset at) => Decide(ModelVersionStatus.Rejected, by, comment, at);

    private void Decide(ModelVersionStatus status, string by, string? comment, DateTimeOffset at)
    {
        // The input first: what was typed is wrong whatever state the version is in.
        var trimmed = TextInput.Optional(comment, MaxCommentLength, CommentField, "A comment");
        if (Status != ModelVersionStatus.PendingApproval) throw new ConflictException($"Only a version pending approval can be approved or rejected; {Standing}.");
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        Status = status;
        DecidedBy = by;
        DecisionComment = trimmed;
        DecidedAt = at;
    }
}
