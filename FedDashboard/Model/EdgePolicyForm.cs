using FedDashboard.Core.Topology;
using FedDashboard.Core.Policies.Edge;
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
public sealed class EdgePolicyForm : PolicyForm
{
    public required int EdgeId { get; init; }
    public required string EdgeName { get; init; }

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

    public static EdgePolicyForm From(EdgeServer edge)
    {
        var form = new EdgePolicyForm { EdgeId = edge.Id, EdgeName = edge.Name };
        form.Reset(edge.Policy, edge.PolicyRevision, edge.PolicyChangedAt);
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

    /// <summary>After a save (or a reload): the stored policy and its revision, no errors.</summary>
    public void Reset(EdgePolicy policy, int revision, DateTimeOffset? changedAt)
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
        ResetStored(revision, changedAt);
    }
}
