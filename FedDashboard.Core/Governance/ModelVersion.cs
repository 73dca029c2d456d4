namespace FedDashboard.Core.Governance;

/// <summary>A central model of a job, with its lineage, its test metrics and the operator's decision.</summary>
public sealed class ModelVersion
{
    private ModelVersion() => ModelHash = "";

    private ModelVersion(int jobId, int number, int? parentId, int? roundId, string modelHash, DateTimeOffset createdAt)
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

    /// <summary>v0 is the job's initial model; each combination adds the next number.</summary>
    public int Number { get; private set; }

    public int? ParentId { get; private set; }
    public int? RoundId { get; private set; }
    public string ModelHash { get; private set; }
    public double? TestAccuracy { get; private set; }
    public double? TestLoss { get; private set; }
    public ModelVersionStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionComment { get; private set; }
    public uint Version { get; private set; }

    public string Label => $"v{Number}";

    /// <summary>The untrained model a job starts from; it needs no approval.</summary>
    public static ModelVersion Initial(int jobId, string modelHash, DateTimeOffset at) =>
        new(jobId, 0, null, null, modelHash, at) { Status = ModelVersionStatus.Approved, DecidedAt = at, DecidedBy = "system", DecisionComment = "Initial model" };

    /// <summary>A new central model; its number follows the job's newest version, which need not be its parent (after a rejection).</summary>
    public static ModelVersion Candidate(ModelVersion parent, int number, int roundId, string modelHash, double testAccuracy, double testLoss, DateTimeOffset at) =>
        new(parent.JobId, number > parent.Number ? number : throw new ArgumentOutOfRangeException(nameof(number), number, "A version's number must follow its parent's."), parent.Id, roundId, modelHash, at)
        {
            Status = ModelVersionStatus.PendingApproval,
            TestAccuracy = testAccuracy,
            TestLoss = testLoss,
        };

    public void Approve(string by, string? comment, DateTimeOffset at) => Decide(ModelVersionStatus.Approved, by, comment, at);

    public void Reject(string by, string? comment, DateTimeOffset at) => Decide(ModelVersionStatus.Rejected, by, comment, at);

    private void Decide(ModelVersionStatus status, string by, string? comment, DateTimeOffset at)
    {
        if (Status != ModelVersionStatus.PendingApproval) throw new InvalidOperationException($"{Label} is {Status}; only a version pending approval can be approved or rejected.");
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        Status = status;
        DecidedBy = by;
        DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        DecidedAt = at;
    }
}
