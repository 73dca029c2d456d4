using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Strategies.Planning;


namespace FedDashboard.Core.Domain.Policies.Edge;

/// <summary>
/// How one edge finds, selects and serves its terminals and which results it accepts. Edited by operators; a round reads
/// the policy its edge has when the round starts, so a change takes effect from the next round.
/// </summary>
public sealed record EdgePolicy : IPolicy<EdgePolicy>
{
    public static EdgePolicy Default { get; } = new();

    public AvailabilityMode Availability { get; init; } = AvailabilityMode.EdgeAsks;
    public SelectionMode Selection { get; init; } = SelectionMode.SameModel;

    /// <summary>Standard for <see cref="SelectionMode.Standard"/> and <see cref="SelectionMode.Tiered"/>; null bounds do not apply.</summary>
    public double? MaxCpuLoad { get; init; }

    public double? MinBattery { get; init; }

    /// <summary>Samples per second measured in the terminal's last training.</summary>
    public double? MinTrainingSpeed { get; init; }

    /// <summary>Capacity score to width for <see cref="SelectionMode.Tiered"/>, widest first; widths must nest.</summary>
    public IReadOnlyList<WidthTier> Tiers { get; init; } = [new(2.0 / 3, 1.0), new(1.0 / 3, 0.5), new(0, 0.25)];

    /// <summary>Whether a terminal may ask mid-training for a lighter model (the next narrower tier).</summary>
    public bool AllowSwaps { get; init; } = true;

    public DepartureRule OnDeparture { get; init; } = DepartureRule.Discard;

    /// <summary>
    /// A training terminal whose measured speed (samples per second) falls below this is replaced by a standby
    /// terminal from the edge's coverage; null never replaces.
    /// </summary>
    public double? ReplaceBelowSpeed { get; init; }

    public IReadOnlyList<GroupRule> Groups { get; init; } = [];

    /// <summary>What a result must meet to be aggregated, and optionally to be selected.</summary>
    public EvaluationPolicy Evaluation { get; init; } = EvaluationPolicy.None;

    public SelectionStandard Standard => Selection == SelectionMode.SameModel
        ? SelectionStandard.None
        : new SelectionStandard(MaxCpuLoad, MinBattery, MinTrainingSpeed);

    public WidthTiers WidthTiers => new(Tiers);

    /// <summary>Every rule the policy breaks, each naming its field; empty when the policy can be saved.</summary>
    public IReadOnlyList<PolicyError> Validate()
    {
        var errors = new List<PolicyError>();
        if (!Enum.IsDefined(Availability)) errors.Add(new(nameof(Availability), $"Must be one of {string.Join(", ", Enum.GetNames<AvailabilityMode>())}."));
        if (!Enum.IsDefined(Selection)) errors.Add(new(nameof(Selection), $"Must be one of {string.Join(", ", Enum.GetNames<SelectionMode>())}."));
        if (!Enum.IsDefined(OnDeparture)) errors.Add(new(nameof(OnDeparture), $"Must be one of {string.Join(", ", Enum.GetNames<DepartureRule>())}."));
        foreach (var (field, message) in SelectionStandard.Problems(MaxCpuLoad, MinBattery, MinTrainingSpeed))
            errors.Add(new(char.ToUpperInvariant(field[0]) + field[1..], message));
        errors.AddRange(WidthTiers.Problems(Tiers ?? []).Select(message => new PolicyError(nameof(Tiers), message)));
        if (ReplaceBelowSpeed is { } speed && !(speed > 0 && double.IsFinite(speed)))
            errors.Add(new(nameof(ReplaceBelowSpeed), $"The replacement speed is a finite number of samples per second above 0, or empty for never (was {speed})."));
        errors.AddRange(GroupProblems());
        errors.AddRange((Evaluation ?? EvaluationPolicy.None).Validate().Select(e => e with { Field = $"{nameof(Evaluation)}.{e.Field}" }));
        return errors;
    }

    private IEnumerable<PolicyError> GroupProblems()
    {
        var groups = Groups ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            var field = $"{nameof(Groups)}[{i}]";
            var group = groups[i];
            if (string.IsNullOrWhiteSpace(group.Name)) yield return new(field, "A group needs a name.");
            else if (group.Name.Trim().Length > GroupRule.MaxNameLength)
                yield return new(field, $"A group name has at most {GroupRule.MaxNameLength} characters (was {group.Name.Trim().Length}).");
            else if (groups.Take(i).Any(g => string.Equals(g.Name, group.Name, StringComparison.OrdinalIgnoreCase)))
                yield return new(field, $"The group name '{group.Name}' is used twice.");
            if (group.Value?.Trim().Length > GroupRule.MaxValueLength)
                yield return new(field, $"A group rule's value has at most {GroupRule.MaxValueLength} characters (was {group.Value.Trim().Length}).");
            else if (!Enum.IsDefined(group.Field)) yield return new(field, $"The field must be one of {string.Join(", ", Enum.GetNames<GroupField>())}.");
            else if (TerminalGroups.Problem(group.Field, group.Value) is { } problem) yield return new(field, problem);
            if (group.Width is { } width && !(width is > 0 and <= 1))
                yield return new(field, $"A group's model width is above 0 and at most 1 (was {width}).");
        }
    }
}
