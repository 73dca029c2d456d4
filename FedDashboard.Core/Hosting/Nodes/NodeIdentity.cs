using FedDashboard.Core.Domain.Nodes;
using System.Reflection;

namespace FedDashboard.Core.Hosting.Nodes;

/// <summary>This process as a node: fixed for its life.</summary>
public sealed record NodeIdentity(string Name, NodeRole Role, IReadOnlyList<string> Queues, string Version, DateTimeOffset StartedAt)
{
    public static string DefaultName() => $"{Environment.MachineName}:{Environment.ProcessId}";

    public static string CurrentVersion() =>
        (Assembly.GetEntryAssembly() ?? typeof(NodeIdentity).Assembly).GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
