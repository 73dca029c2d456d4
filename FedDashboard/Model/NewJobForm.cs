using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence.Configurations;
using System.Linq.Expressions;

namespace FedDashboard.Model;

/// <summary>
/// A new training job as the form edits it: the name, the settings and the policy's aggregation, termination and approval
/// fields, each input bound to the record it belongs to; and the errors of the last launch at the fields they name.
/// </summary>
public sealed class NewJobForm : IPolicyDraft<JobPolicy>
{
    /// <summary>The stored column's length (TrainingJobConfiguration).</summary>
    public const int NameMaxLength = TrainingJob.MaxNameLength;

    /// <summary>The policy's fields the form edits, named as their errors name them once the path is dropped.</summary>
    private static readonly string[] PolicyFields = [nameof(TerminationPolicy.MaxRounds), nameof(TerminationPolicy.TargetAccuracy), nameof(JobPolicy.AutoApprove)];

    private readonly FormDraft<TrainingSettings> _settings = new(new TrainingSettings());

    /// <summary>
    /// The job policy's defaults with what the form edits; operators refine it on the Policies page. The job starts without
    /// auto-approve; asking for it proposes it (<see cref="JobLauncher"/>).
    /// </summary>
    private readonly FormDraft<JobPolicy> _policy = new(JobPolicy.Default);

    private Dictionary<string, string> _errors = [];

    public string Name { get; set; } = "";

    public FormField<TrainingSettings, TValue> Setting<TValue>(Expression<Func<TrainingSettings, TValue>> member) => _settings.Field(member);

    public FormField<JobPolicy, TValue> Policy<TValue>(Expression<Func<JobPolicy, TValue>> member) => _policy.Field(member);

    FormField<JobPolicy, TValue> IPolicyDraft<JobPolicy>.Field<TValue>(Expression<Func<JobPolicy, TValue>> member) => Policy(member);

    public IReadOnlyDictionary<string, string> Errors => _errors;

    /// <summary>
    /// The message for a field named as <see cref="TrainingSettings.Validate"/> names it (e.g. "ShareMaxSamples"), "Name", or
    /// an aggregation setting by its path in the policy ("Aggregation.AdamTau"), as the Policies page names it.
    /// </summary>
    public string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    public bool HasError(string field) => _errors.ContainsKey(field);

    /// <summary>The settings' and the job policy's own defaults: an approver decides on each version.</summary>
    public static NewJobForm Default() => new();

    public TrainingSettings ToSettings() => _settings.Value;

    public JobPolicy ToPolicy() => _policy.Value;

    /// <summary>Every rule the form breaks: the name's, the settings' and the policy's; each message starts with its field's name.</summary>
    public IReadOnlyList<string> Validate()
    {
        List<string> errors = [];
        if (string.IsNullOrWhiteSpace(Name)) errors.Add($"{nameof(Name)} is required.");
        else if (Name.Trim().Length > NameMaxLength) errors.Add($"{nameof(Name)} must be at most {NameMaxLength} characters (was {Name.Trim().Length}).");
        errors.AddRange(ToSettings().Validate());
        errors.AddRange(ToPolicy().Validate().Select(e => $"{(IsAggregation(e.Field) ? e.Field : e.Field.Split('.')[^1])} {e.Message}"));
        return errors;
    }

    /// <summary>
    /// Puts each message at the field its first word names. TrainingSettings.Validate promises that leading name;
    /// a message naming no field of this form lands under "" so the page can still show it. An aggregation setting's
    /// message is a sentence of its own, shown without the path, as on the Policies page.
    /// </summary>
    public void ShowErrors(IEnumerable<string> errors) =>
        _errors = errors.GroupBy(FieldOf).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(m => IsAggregation(g.Key) ? m[(g.Key.Length + 1)..] : m)));

    public void ClearErrors() => _errors = [];

    private static string FieldOf(string message)
    {
        var first = message.Split(' ', 2)[0];
        return first == nameof(Name) || typeof(TrainingSettings).GetProperty(first) is not null || PolicyFields.Contains(first) || IsAggregation(first) ? first : "";
    }

    private static bool IsAggregation(string field) => field.StartsWith($"{nameof(JobPolicy.Aggregation)}.", StringComparison.Ordinal);
}
