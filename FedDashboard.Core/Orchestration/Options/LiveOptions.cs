namespace FedDashboard.Core.Orchestration.Options;

/// <summary>How live events travel between nodes when ConnectionStrings:Redis is set.</summary>
public sealed class LiveOptions : IValidatedOptions
{
    public const int ChannelPrefixMaxLength = 100;

    public static string Section => "Fed:Live";

    /// <summary>
    /// Starts the name of every Redis pub/sub channel the nodes use (the live feed's and SignalR's backplane's): nodes
    /// with the same prefix on the same Redis see each other's events, so two deployments on one Redis need two prefixes.
    /// </summary>
    public string ChannelPrefix { get; set; } = "FedDashboard";

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ChannelPrefix) || ChannelPrefix.Length > ChannelPrefixMaxLength || ChannelPrefix.Any(char.IsWhiteSpace))
            yield return $"ChannelPrefix must be 1 to {ChannelPrefixMaxLength} characters without spaces (was '{ChannelPrefix}').";
    }
}
