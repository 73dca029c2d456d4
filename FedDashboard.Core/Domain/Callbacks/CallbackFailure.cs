namespace FedDashboard.Core.Domain.Callbacks;

public enum CallbackFailure
{
    /// <summary>The receiver answered, but not with 2xx.</summary>
    Status,

    /// <summary>The receiver answered with a redirect, which callbacks do not follow.</summary>
    Redirect,

    /// <summary>No complete answer within the time limit.</summary>
    Timeout,

    /// <summary>The host's name could not be resolved.</summary>
    NameResolution,

    /// <summary>No connection: refused, unreachable, or closed before an answer.</summary>
    Connection,

    /// <summary>The TLS handshake failed, e.g. an untrusted or expired certificate.</summary>
    Tls,

    /// <summary>The host resolved to an address callbacks may not reach.</summary>
    ForbiddenAddress,
}
