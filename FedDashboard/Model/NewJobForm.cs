using FedDashboard.Core.Learning;
using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Policies.Job;

namespace FedDashboard.Model;

/// <summary>A new training job as the form edits it: plain settable fields, and the errors of the last launch at the fields they name.</summary>
public sealed class NewJobForm
{
    /// <summary>The stored column's length (TrainingJobConfiguration).</summary>
    public const int NameMaxLength = TrainingJob.MaxNameLength;

    private Dictionary<string, string> _errors = [];

    public string Name { get; set; } = "";
    public ModelArchitecture Model { get; set; }
    public DataPartition Partition { get; set; }
    public double ClientFraction { get; set; }
    public int LocalEpochs { get; set; }
    public int BatchSize { get; set; }
    public double LearningRate { get; set; }
    public int EdgeRoundsPerCombination { get; set; }
    public int MaxRounds { get; set; }
    public double? TargetAccuracy { get; set; }
    public int RoundTimeoutSeconds { get; set; }
    public bool AutoApprove { get; set; }
    public int Seed { get; set; }
    public DataSource DataSource { get; set; }
    public bool ShareData { get; set; }
    public int ShareMaxSamples { get; set; }
    public bool ShareRequireAnonymized { get; set; }
    public double ShareMaxAgeHours { get; set; }
    public int ShareMaxUses { get; set; }
    public Segmentation Segmentation { get; set; }

    public IReadOnlyDictionary<string, string> Errors => _errors;

    /// <summary>The message for a field named as <see cref="TrainingSettings.Validate"/> names it (e.g. "ShareMaxSamples"), or "Name".</summary>
    public string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    public bool HasError(string field) => _errors.ContainsKey(field);

    /// <summary>The settings' and the job policy's own defaults: an approver decides on each version.</summary>
    public static NewJobForm Default() => From(new TrainingSettings(), JobPolicy.Default);

    public static NewJobForm From(TrainingSettings s, JobPolicy policy) => new()
    {
        Model = s.Model,
        Partition = s.Partition,
        ClientFraction = s.ClientFraction,
        LocalEpochs = s.LocalEpochs,
        BatchSize = s.BatchSize,
        LearningRate = s.LearningRate,
        EdgeRoundsPerCombination = s.EdgeRoundsPerCombination,
        MaxRounds = policy.Termination.MaxRounds,
        TargetAccuracy = policy.Termination.TargetAccuracy,
        RoundTimeoutSeconds = s.RoundTimeoutSeconds,
        AutoApprove = policy.AutoApprove,
        Seed = s.Seed,
        DataSource = s.DataSource,
        ShareData = s.ShareData,
        ShareMaxSamples = s.ShareMaxSamples,
        ShareRequireAnonymized = s.ShareRequireAnonymized,
        ShareMaxAgeHours = s.ShareMaxAgeHours,
        ShareMaxUses = s.ShareMaxUses,
        Segmentation = s.Segmentation,
    };

    public TrainingSettings ToSettings() => new()
    {
        Model = Model,
        Partition = Partition,
        ClientFraction = ClientFraction,
        LocalEpochs = LocalEpochs,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        EdgeRoundsPerCombination = EdgeRoundsPerCombination,
        RoundTimeoutSeconds = RoundTimeoutSeconds,
        Seed = Seed,
        DataSource = DataSource,
        ShareData = ShareData,
        ShareMaxSamples = ShareMaxSamples,
        ShareRequireAnonymized = ShareRequireAnonymized,
        ShareMaxAgeHours = ShareMaxAgeHours,
        ShareMaxUses = ShareMaxUses,
        Segmentation = Segmentation,
    };

    /// <summary>
    /// The policy the operator asks for: the form's termination and approval fields over the defaults; operators refine it on the
    /// Policies page. The job starts without auto-approve; asking for it proposes it (<see cref="JobLauncher"/>).
    /// </summary>
    public JobPolicy ToPolicy() => JobPolicy.Default with
    {
        AutoApprove = AutoApprove,
        Termination = JobPolicy.Default.Termination with { MaxRounds = MaxRounds, TargetAccuracy = TargetAccuracy },
    };

    /// <summary>Every rule the form breaks: the name's, the settings' and the policy's; each message starts with its field's name.</summary>
    public IReadOnlyList<string> Validate()
    {
        List<string> errors = [];
        if (string.IsNullOrWhiteSpace(Name)) errors.Add($"{nameof(Name)} is required.");
        else if (Name.Trim().Length > NameMaxLength) errors.Add($"{nameof(Name)} must be at most {NameMaxLength} characters (was {Name.Trim().Length}).");
        errors.AddRange(ToSettings().Validate());
        errors.AddRange(ToPolicy().Validate().Select(e => $"{e.Field.Split('.')[^1]} {e.Message}"));
        return errors;
    }

    /// <summary>
    /// Puts each message at the field its first word names. TrainingSettings.Validate promises that leading name;
    /// a message naming no field of this form lands under "" so the page can still show it.
    /// </summary>
    public void ShowErrors(IEnumerable<string> errors) =>
        _errors = errors.GroupBy(FieldOf).ToDictionary(g => g.Key, g => string.Join(" ", g));

    public void ClearErrors() => _errors = [];

    private static string FieldOf(string message)
    {
        var first = message.Split(' ', 2)[0];
        return typeof(NewJobForm).GetProperty(first) is { CanWrite: true } ? first : "";
    }
}
