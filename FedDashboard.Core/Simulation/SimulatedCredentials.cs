using System.Collections.Concurrent;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// The credentials of the simulated terminals, held in memory as a device holds its own: each call of a simulated
/// terminal proves itself with its credential like an agent's. Every node holds the same ones, derived at its start
/// (see <see cref="Orchestration.TerminalProtocol.OwnFleetEnrolment.EnsureDerivedAsync"/>). Thread-safe.
/// </summary>
public sealed class SimulatedCredentials
{
    private readonly ConcurrentDictionary<int, string> _byTerminal = new();

    public void Keep(int terminalId, string credential) => _byTerminal[terminalId] = credential;

    /// <summary>The terminal's credential stopped working (revoked by an operator): it has none any more.</summary>
    public void Forget(int terminalId) => _byTerminal.TryRemove(terminalId, out _);

    /// <returns>Null when the terminal has none here (not enrolled by this process yet).</returns>
    public string? For(int terminalId) => _byTerminal.GetValueOrDefault(terminalId);
}
