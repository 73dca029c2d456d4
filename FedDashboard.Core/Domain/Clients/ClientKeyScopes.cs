namespace FedDashboard.Core.Domain.Clients;

/// <summary>What a client API key lets its holder do; a key holds any combination, at least one.</summary>
[Flags]
public enum ClientKeyScopes
{
    None = 0,

    /// <summary>Submit training requests (and cancel its own).</summary>
    SubmitRequests = 1,

    /// <summary>Read its own client's requests.</summary>
    ReadRequests = 2,

    /// <summary>Download the models its own client's requests produced.</summary>
    DownloadModels = 4,

    All = SubmitRequests | ReadRequests | DownloadModels,
}
