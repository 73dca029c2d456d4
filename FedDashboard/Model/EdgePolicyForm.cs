using FedDashboard.Core.Topology;
using FedDashboard.Core.Topology.Policies;
using FedDashboard.Core.Topology.Simulation;

namespace FedDashboard.Model;

public sealed class WidthTierInput
{
    public double MinScore { get; set; }
    public double Width { get; set; }
}

public sealed class GroupRuleInput
{
    public string Name { get; set; } = "";
    public GroupField Field { get; set; }
    public string Value { get; set; } = "";
    public double? Width { get; set; }
}

/// <summary>One edge's policy as the form edits it: plain settable fields, and the errors of the last save at the fields they name.</summary>
public sealed class EdgePolicyForm
{
    private Dictionary<string, string> _errors = [];

    public required int EdgeId { get; init; }
    public required string EdgeName { get; init; }
    public int Revision { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }

    /// <summary>The edge's row version when the form was loaded; a save against a newer one is refused.</summary>
    public uint Version { get; private set; }

    public AvailabilityMode Availability { get; set; }
    public SelectionMode Selection { get; set; }
    public double? MaxCpuLoad { get; set; }
    public double? MinBattery { get; set; }
    public double? MinTrainingSpeed { get; set; }
    public List<WidthTierInput> Tiers { get; set; } = [];
    public bool AllowSwaps { get; set; }
    public DepartureRule OnDeparture { get; set; }
    public double? ReplaceBelowSpeed { get; set; }
    public List<GroupRuleInput> Groups { get; set; } = [];
    public EvaluationPolicyInput Evaluation { get; set; } = new();

    public IReadOnlyDictionary<string, string> Errors => _errors;

    /// <summary>The message for a field named as <see cref="PolicyError.Field"/> names it (e.g. "MaxCpuLoad", "Tiers", "Groups[2]", "Evaluation.MaxNormRatio").</summary>
    public string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    public bool HasError(string field) => _errors.ContainsKey(field);

    public static EdgePolicyForm From(EdgeServer edge)
    {
        var form = new EdgePolicyForm { EdgeId = edge.Id, EdgeName = edge.Name };
        form.Reset(edge.Policy, edge.PolicyRevision, edge.PolicyChangedAt, edge.Version);
        return form;
    }

    public EdgePolicy ToPolicy() => new()
    {
        Availability = Availability,
        Selection = Selection,
        MaxCpuLoad = MaxCpuLoad,
        MinBattery = MinBattery,
        MinTrainingSpeed = MinTrainingSpeed,
        Tiers = [.. Tiers.Select(t => new WidthTier(t.MinScore, t.Width))],
        AllowSwaps = AllowSwaps,
        OnDeparture = OnDeparture,
        ReplaceBelowSpeed = ReplaceBelowSpeed,
        Groups = [.. Groups.Select(g => new GroupRule(g.Name.Trim(), g.Field, g.Value.Trim(), g.Width))],
        Evaluation = Evaluation.ToPolicy(),
    };

    public void ShowErrors(IEnumerable<PolicyError> errors) =>
        _errors = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)));

    /// <summary>After a save (or a reload): the stored policy, its revision and row version, no errors.</summary>
    public void Reset(EdgePolicy policy, int revision, DateTimeOffset? changedAt, uint version)
    {
        Availability = policy.Availability;
        Selection = policy.Selection;
        MaxCpuLoad = policy.MaxCpuLoad;
        MinBattery = policy.MinBattery;
        MinTrainingSpeed = policy.MinTrainingSpeed;
        Tiers = [.. policy.Tiers.Select(t => new WidthTierInput { MinScore = t.MinScore, Width = t.Width })];
        AllowSwaps = policy.AllowSwaps;
        OnDeparture = policy.OnDeparture;
        ReplaceBelowSpeed = policy.ReplaceBelowSpeed;
        Groups = [.. policy.Groups.Select(g => new GroupRuleInput { Name = g.Name, Field = g.Field, Value = g.Value, Width = g.Width })];
        Evaluation = EvaluationPolicyInput.From(policy.Evaluation);
        Revision = revision;
        ChangedAt = changedAt;
        Version = version;
        _errors = [];
    }
}
