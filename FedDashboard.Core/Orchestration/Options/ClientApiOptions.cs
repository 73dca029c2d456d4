namespace FedDashboard.Core.Orchestration.Options;

/// <summary>How the client API serves client applications' keys.</summary>
public sealed class ClientApiOptions : IValidatedOptions
{
    public static string Section => "Fed:Clients";

    /// <summary>Calls one API key may make per second on average, and in a burst; more are answered 429.</summary>
    public int CallsPerSecond { get; set; } = 10;

    public int CallBurst { get; set; } = 20;

    public IEnumerable<string> Validate()
    {
        if (CallsPerSecond is < 1 or > 100_000) yield return $"CallsPerSecond must be from 1 to 100000 (was {CallsPerSecond}).";
        if (CallBurst < CallsPerSecond || CallBurst > 1_000_000) yield return $"CallBurst must be from CallsPerSecond to 1000000 (was {CallBurst}).";
    }
}
