using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// A simulated terminal heartbeats once a tick and counts as online for two heartbeat intervals after each, so ticks
/// slower than that would take the whole simulated fleet offline between them.
/// </summary>
internal sealed class SimulationPaceCheck(IOptions<TerminalOptions> terminals) : IValidateOptions<SimulationOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulationOptions options)
    {
        var online = 2 * terminals.Value.HeartbeatSeconds;
        return options.Simulate && options.TickSeconds >= online
            ? ValidateOptionsResult.Fail($"{SimulationOptions.Section}:TickSeconds must be below twice {TerminalOptions.Section}:HeartbeatSeconds ({online}), or every simulated terminal goes offline between its ticks (was {options.TickSeconds}).")
            : ValidateOptionsResult.Success;
    }
}
