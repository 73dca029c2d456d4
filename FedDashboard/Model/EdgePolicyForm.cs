using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies.Planning;
using FedDashboard.Core.Domain.Topology;


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

/// <summary>
/// One edge's policy as the form edits it, and the errors of the last save at the fields they name. The lists are edited
/// row by row and the evaluation's apps as one comma-separated text; every other field is the policy's own.
/// </summary>
public sealed class EdgePolicyForm : PolicyForm<EdgePolicy>
{
    public required int EdgeId { get; init; }
    public required string EdgeName { get; init; }

    public List<WidthTierInput> Tiers { get; set; } = [];
    public List<GroupRuleInput> Groups { get; set; } = [];
    public HashSet<TerminalType> AllowedTypes { get; set; } = [];
    public string AllowedApps { get; set; } = "";

    public static EdgePolicyForm From(EdgeServer edge)
    {
        var form = new EdgePolicyForm { EdgeId = edge.Id, EdgeName = edge.Name };
        form.Load(edge);
        return form;
    }

    /// <summary>Types in their declared order, so an unchanged form gives back the stored policy.</summary>
    public override EdgePolicy ToPolicy()
    {
        var policy = base.ToPolicy();
        return policy with
        {
            Tiers = [.. Tiers.Select(t => new WidthTier(t.MinScore, t.Width))],
            Groups = [.. Groups.Select(g => new GroupRule(g.Name.Trim(), g.Field, g.Value.Trim(), g.Width))],
            Evaluation = policy.Evaluation with
            {
                AllowedTypes = [.. Enum.GetValues<TerminalType>().Where(AllowedTypes.Contains)],
                AllowedApps = AllowedApps.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            },
        };
    }

    public override void Reset(EdgePolicy policy, int revision, DateTimeOffset? changedAt)
    {
        Tiers = [.. policy.Tiers.Select(t => new WidthTierInput { MinScore = t.MinScore, Width = t.Width })];
        Groups = [.. policy.Groups.Select(g => new GroupRuleInput { Name = g.Name, Field = g.Field, Value = g.Value, Width = g.Width })];
        AllowedTypes = [.. policy.Evaluation.AllowedTypes];
        AllowedApps = string.Join(", ", policy.Evaluation.AllowedApps);
        base.Reset(policy, revision, changedAt);
    }
}
