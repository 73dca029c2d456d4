using System.Text.Json.Nodes;

namespace FedDashboard.Model;

/// <summary>One setting a policy change altered, by its path in the stored JSON ("termination.maxRounds").</summary>
public sealed record PolicyFieldChange(string Field, string Before, string After);

public static class PolicyDiff
{
    /// <summary>The settings that differ between two stored policies; every setting when there is no "before".</summary>
    public static IReadOnlyList<PolicyFieldChange> Between(string? before, string? after)
    {
        var old = Flatten(before is null ? null : JsonNode.Parse(before));
        var now = Flatten(after is null ? null : JsonNode.Parse(after));
        return [.. old.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Select(field => new PolicyFieldChange(field, old.GetValueOrDefault(field, "—"), now.GetValueOrDefault(field, "—")))
            .Where(change => change.Before != change.After)];
    }

    private static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not null) Walk(node, "", values);
        return values;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj) Walk(child, path.Length == 0 ? key : $"{path}.{key}", values);
                break;
            case JsonArray array:
                // Lists (tiers, groups) compare whole: an inserted row would otherwise show as every later row changed.
                values[path] = array.ToJsonString();
                break;
            default:
                values[path] = node?.ToJsonString() ?? "empty";
                break;
        }
    }
}
