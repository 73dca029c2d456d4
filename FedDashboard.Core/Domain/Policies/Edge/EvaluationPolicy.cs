using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Policies.Edge;

/// <summary>
/// What a terminal's result must meet at its edge before it is aggregated; a null or empty bound does not apply.
/// With <see cref="ApplyAtSelection"/> the bounds known before training also gate selection.
/// </summary>
public sealed record EvaluationPolicy
{
    public static readonly EvaluationPolicy None = new();

    /// <summary>Accuracy (0–1) of the result's model on the validation data.</summary>
    public double? MinValidationAccuracy { get; init; }

    /// <summary>Share (0–1) of the work the terminal took on in earlier rounds that it reported; a terminal without any passes.</summary>
    public double? MinReliability { get; init; }

    /// <summary>
    /// Location: the terminal must be inside the assigning edge's coverage, or inside another edge's when the
    /// assigning edge's departure rule lets a result finish through another edge.
    /// </summary>
    public bool RequireCoverage { get; init; }

    public IReadOnlyList<TerminalType> AllowedTypes { get; init; } = [];

    /// <summary>The capacity score (0–1) that tiered selection gives widths by.</summary>
    public double? MinCapacity { get; init; }

    /// <summary>Samples the result was trained on; before training, the samples the terminal's data holds.</summary>
    public int? MinDataSamples { get; init; }

    /// <summary>Hours since the terminal's data was refreshed, measured when it was assigned.</summary>
    public double? MaxDataAgeHours { get; init; }

    /// <summary>Timeliness: seconds from the assignment to the report.</summary>
    public double? MaxReportSeconds { get; init; }

    /// <summary>The apps a terminal may train in (case-insensitive).</summary>
    public IReadOnlyList<string> AllowedApps { get; init; } = [];

    /// <summary>Anomaly: the update's norm per trained parameter over the median of the edge's results in the round.</summary>
    public double? MaxNormRatio { get; init; }

    /// <summary>Anomaly: cosine similarity (−1 to 1) of the update to the coordinate-wise median update of the edge's results in the round.</summary>
    public double? MinCosineSimilarity { get; init; }

    /// <summary>Type, app, reliability, capacity, data size and age, and location also decide who is selected.</summary>
    public bool ApplyAtSelection { get; init; }

    /// <summary>Every rule the bounds break, each naming its field as this record names it.</summary>
    public IEnumerable<PolicyError> Validate()
    {
        (string Field, double? Value, string What)[] fractions =
        [
            (nameof(MinValidationAccuracy), MinValidationAccuracy, "minimum validation accuracy"),
            (nameof(MinReliability), MinReliability, "minimum reliability"),
            (nameof(MinCapacity), MinCapacity, "minimum capacity score"),
        ];
        foreach (var (field, value, what) in fractions)
            if (value is { } v && !(v is >= 0 and <= 1)) yield return new(field, $"The {what} is a fraction from 0 to 1, or empty for no bound (was {v}).");
        if (MinDataSamples is < 1)
            yield return new(nameof(MinDataSamples), $"The minimum data size is a whole number of samples, at least 1, or empty for no bound (was {MinDataSamples}).");
        if (MaxDataAgeHours is { } age && !(age > 0 && double.IsFinite(age)))
            yield return new(nameof(MaxDataAgeHours), $"The maximum data age is a finite number of hours above 0, or empty for no bound (was {age}).");
        if (MaxReportSeconds is { } seconds && !(seconds > 0 && double.IsFinite(seconds)))
            yield return new(nameof(MaxReportSeconds), $"The maximum time to report is a finite number of seconds above 0, or empty for no bound (was {seconds}).");
        if (MaxNormRatio is { } ratio && !(ratio >= 1 && double.IsFinite(ratio)))
            yield return new(nameof(MaxNormRatio), $"The maximum update-norm ratio is a finite number, at least 1 (the median result's own), or empty for no bound (was {ratio}).");
        if (MinCosineSimilarity is { } cosine && !(cosine is >= -1 and <= 1))
            yield return new(nameof(MinCosineSimilarity), $"The minimum cosine similarity is from -1 to 1, or empty for no bound (was {cosine}).");
        if (TypesProblem() is { } types) yield return new(nameof(AllowedTypes), types);
        if (AppsProblem() is { } apps) yield return new(nameof(AllowedApps), apps);
    }

    private string? TypesProblem()
    {
        var types = AllowedTypes ?? [];
        var unknown = types.Where(t => !Enum.IsDefined(t)).Select(t => (int)t).ToList();
        if (unknown.Count > 0)
            return $"Each allowed type is one of {string.Join(", ", Enum.GetNames<TerminalType>())} (was {string.Join(", ", unknown)}).";
        return types.Distinct().Count() < types.Count ? $"Each type is allowed once (was {string.Join(", ", types)})." : null;
    }

    private string? AppsProblem()
    {
        var apps = AllowedApps ?? [];
        if (apps.Any(string.IsNullOrWhiteSpace)) return "An allowed app needs a name; leave the list empty to allow every app.";
        if (apps.FirstOrDefault(a => a.Trim().Length > Terminal.MaxAppLength) is { } tooLong)
            return $"An app name has at most {Terminal.MaxAppLength} characters (was {tooLong.Trim().Length}).";
        return apps.Distinct(StringComparer.OrdinalIgnoreCase).Count() < apps.Count
            ? $"Each app is listed once (was {string.Join(", ", apps)})."
            : null;
    }
}
