using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Policies.Edge;

/// <summary>Which group rule a terminal falls under; the first matching rule wins.</summary>
public static class TerminalGroups
{
    public static readonly IReadOnlyList<string> LoadBands = ["Low", "Medium", "High"];
    public static readonly IReadOnlyList<string> Regions = ["NW", "NE", "SW", "SE"];

    /// <summary>What is wrong with matching <paramref name="field"/> against <paramref name="value"/>; null when it can match.</summary>
    public static string? Problem(GroupField field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "A group rule needs a value to match.";
        return field switch
        {
            GroupField.Type when !Enum.TryParse<TerminalType>(value, ignoreCase: true, out _) => OneOf(Enum.GetNames<TerminalType>()),
            GroupField.Hardware when !Enum.TryParse<HardwareTier>(value, ignoreCase: true, out _) => OneOf(Enum.GetNames<HardwareTier>()),
            GroupField.LoadBand when !Contains(LoadBands, value) => OneOf(LoadBands),
            GroupField.Region when !Contains(Regions, value) => OneOf(Regions),
            _ => null,
        };
    }

    public static GroupRule? GroupOf(IReadOnlyList<GroupRule> rules, Terminal terminal, double mapSize) =>
        rules.FirstOrDefault(rule => Matches(rule, terminal, mapSize));

    /// <summary>Whether the terminal falls under a group of that name (case-insensitive) by its edge's rules.</summary>
    public static bool IsIn(string groupName, IReadOnlyList<GroupRule> rules, Terminal terminal, double mapSize) =>
        string.Equals(GroupOf(rules, terminal, mapSize)?.Name.Trim(), groupName.Trim(), StringComparison.OrdinalIgnoreCase);

    public static bool Matches(GroupRule rule, Terminal terminal, double mapSize) =>
        string.Equals(ValueOf(rule.Field, terminal, mapSize), rule.Value.Trim(), StringComparison.OrdinalIgnoreCase);

    public static string LoadBand(double cpuLoad) => cpuLoad < 1.0 / 3 ? "Low" : cpuLoad < 2.0 / 3 ? "Medium" : "High";

    /// <summary>The map quadrant; y grows northwards.</summary>
    public static string Region(double x, double y, double mapSize) =>
        (y >= mapSize / 2 ? "N" : "S") + (x >= mapSize / 2 ? "E" : "W");

    private static string ValueOf(GroupField field, Terminal terminal, double mapSize) => field switch
    {
        GroupField.Type => terminal.Type.ToString(),
        GroupField.Hardware => terminal.Tier.ToString(),
        GroupField.LoadBand => LoadBand(terminal.CpuLoad),
        GroupField.Region => Region(terminal.PositionX, terminal.PositionY, mapSize),
        GroupField.App => terminal.App,
        _ => "",
    };

    private static bool Contains(IReadOnlyList<string> values, string value) =>
        values.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);

    private static string OneOf(IReadOnlyList<string> values) => $"The value must be one of {string.Join(", ", values)}.";
}
