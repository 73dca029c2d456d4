using System.Collections.Concurrent;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Scaffold;
using FedDashboard.Protocol;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// The control variates a SCAFFOLD terminal downloads: the server's c (the base version's server state) and its own c_i,
/// each cut to the terminal's width like the model (<see cref="ModelParts"/>); zeros where there is none yet. Thread-safe.
/// </summary>
public sealed class ControlParts(ModelBlobStore blobs, ModelParts parts)
{
    // One entry per version's state and per architecture's zeros: read once to tell a c from another rule's state.
    private readonly ConcurrentDictionary<(string? StateHash, ModelArchitecture Architecture), string> _servers = new();

    /// <param name="serverStateHash">The base version's server state; null when it has none.</param>
    /// <param name="terminalControlHash">The terminal's c_i in the job; null when it has none yet.</param>
    public ScaffoldControls For(string? serverStateHash, string? terminalControlHash, ModelArchitecture architecture, double width)
    {
        var server = _servers.GetOrAdd((serverStateHash, architecture), key =>
            blobs.Put(ControlVariates.ServerOrZeros(key.StateHash is null ? null : blobs.Get(key.StateHash), new ModelSpec(key.Architecture))));
        var terminal = terminalControlHash ?? _servers.GetOrAdd((null, architecture), key => blobs.Put(ControlVariates.Zeros(new ModelSpec(key.Architecture))));
        return new ScaffoldControls(parts.HashOf(server, architecture, width), parts.HashOf(terminal, architecture, width));
    }
}
