using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Hosting.Nodes;
using System.Globalization;

namespace FedDashboard.Model;

/// <summary>One node as the Nodes page shows it, judged on the database's clock.</summary>
public sealed record NodeRow(
    string Name, string Role, string Queues, string Version, DateTimeOffset StartedAt, string HeartbeatAgo, NodeState State,
    DateTimeOffset? LeadsSince, string ClockOffset, string? LeadershipRefusal, string TerminalsCall)
{
    public static IReadOnlyList<NodeRow> From(NodesOverview overview) => [.. overview.Nodes
        .OrderBy(overview.StateOf)
        .ThenBy(n => n.Name, StringComparer.Ordinal)
        .Select(n => new NodeRow(
            n.Name,
            n.Role.ToString().ToLowerInvariant(),
            string.Join(", ", n.Queues),
            ShortVersion(n.Version),
            n.StartedAt,
            Ago(overview.DatabaseNow - n.LastHeartbeat),
            overview.StateOf(n),
            overview.Leads(n) ? overview.Lease!.HeldSince : null,
            $"{n.ClockOffsetMs.ToString("+0;-0;0", CultureInfo.InvariantCulture)} ms",
            n.LeadershipRefusal,
            n.PublicUrl ?? "–"))];

    /// <summary>The informational version with its commit shortened as git does: "1.0.0+ffc1530".</summary>
    public static string ShortVersion(string version) =>
        version.IndexOf('+') is var plus and >= 0 && version.Length > plus + 8 ? version[..(plus + 8)] : version;

    public static string Ago(TimeSpan elapsed) => elapsed switch
    {
        { TotalSeconds: < 1 } => "just now",
        { TotalMinutes: < 1 } => $"{elapsed.TotalSeconds:0} s ago",
        { TotalHours: < 1 } => $"{elapsed.TotalMinutes:0} min ago",
        _ => $"{elapsed.TotalHours:0.#} h ago",
    };
}
