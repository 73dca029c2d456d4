using FedDashboard.Core.Orchestration.Options;

namespace FedDashboard.Core.Simulation;

/// <summary>How the simulated fleet speaks the terminal protocol (same section as the fleet's other settings).</summary>
public sealed class FleetTransportOptions : IValidatedOptions
{
    public static string Section => FleetOptions.Section;

    /// <summary>InProcess: the desks called directly, every check included; Http: over the network, as an agent does.</summary>
    public FleetTransport Transport { get; set; } = FleetTransport.InProcess;

    /// <summary>With <see cref="FleetTransport.Http"/>: the dashboard to call; empty: this app's own first address.</summary>
    public string? ServerUrl { get; set; }

    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(Transport)) yield return $"Transport must be one of {string.Join(", ", Enum.GetNames<FleetTransport>())} (was {Transport}).";
        if (!string.IsNullOrEmpty(ServerUrl) && !(Uri.TryCreate(ServerUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            yield return $"ServerUrl must be an http or https URL such as http://127.0.0.1:5080 (was '{ServerUrl}').";
    }
}

public enum FleetTransport
{
    InProcess,
    Http,
}
