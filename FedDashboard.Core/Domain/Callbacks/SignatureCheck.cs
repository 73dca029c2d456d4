namespace FedDashboard.Core.Domain.Callbacks;

/// <summary>Why a received callback is or is not to be trusted.</summary>
public enum SignatureCheck
{
    Valid,

    /// <summary>A header is missing or unreadable.</summary>
    Malformed,

    /// <summary>Its timestamp is further from now than <see cref="CallbackSignature.Tolerance"/>: possibly a replay.</summary>
    OutsideTolerance,

    /// <summary>No signature matches the body with this secret: tampered, or signed with another key.</summary>
    NoMatch,
}
