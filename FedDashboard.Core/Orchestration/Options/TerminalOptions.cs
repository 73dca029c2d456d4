namespace FedDashboard.Core.Orchestration.Options;

/// <summary>How the edges serve terminals over the protocol: heartbeats, the rate of calls, credential checks.</summary>
public sealed class TerminalOptions : IValidatedOptions
{
    public static string Section => "Fed:Terminals";

    /// <summary>How often a terminal heartbeats; it counts as online until two intervals after its last heartbeat.</summary>
    public double HeartbeatSeconds { get; set; } = 5;

    /// <summary>Calls one terminal may make per second on average, and in a burst; more are refused as rate limited.</summary>
    public int CallsPerSecond { get; set; } = 20;

    public int CallBurst { get; set; } = 40;

    /// <summary>
    /// How long a checked credential is trusted without reading the database again. A revocation on this node takes effect
    /// at the next call regardless; this bounds how long another node may still accept a revoked credential.
    /// </summary>
    public double CredentialCacheSeconds { get; set; } = 30;

    public IEnumerable<string> Validate()
    {
        if (!(HeartbeatSeconds is >= 0.2 and <= 3600)) yield return $"HeartbeatSeconds must be from 0.2 to 3600 (was {HeartbeatSeconds}).";
        if (CallsPerSecond is < 1 or > 100_000) yield return $"CallsPerSecond must be from 1 to 100000 (was {CallsPerSecond}).";
        if (CallBurst < CallsPerSecond || CallBurst > 1_000_000) yield return $"CallBurst must be from CallsPerSecond to 1000000 (was {CallBurst}).";
        if (!(CredentialCacheSeconds is >= 0 and <= 3600)) yield return $"CredentialCacheSeconds must be from 0 to 3600 (was {CredentialCacheSeconds}).";
    }
}
