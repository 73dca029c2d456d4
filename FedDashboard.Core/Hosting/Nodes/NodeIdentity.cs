using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Orchestration.Options;
using System.Reflection;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>This process as a node: fixed for its life.</summary>
/// <param name="PublicUrl">Where terminals reach the node (Fed:Node:PublicUrl), or null.</param>
public sealed record NodeIdentity(string Name, NodeRole Role, IReadOnlyList<string> Queues, string Version, DateTimeOffset StartedAt, string? PublicUrl)
{
    /// <summary>Fed:Node:Name, or the machine's name and the process id.</summary>
    public static string NameFrom(NodeOptions options) =>
        string.IsNullOrWhiteSpace(options.Name) ? $"{Environment.MachineName}:{Environment.ProcessId}" : options.Name;

    public static string CurrentVersion() =>
        (Assembly.GetEntryAssembly() ?? typeof(NodeIdentity).Assembly).GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
