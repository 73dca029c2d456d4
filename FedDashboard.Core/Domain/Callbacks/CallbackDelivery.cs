namespace FedDashboard.Core.Domain.Callbacks;

/// <summary>One message to a client's callback URL, sent until it is acknowledged.</summary>
/// <param name="Id">Sent as webhook-id, the same on every attempt, so a receiver can drop a second copy.</param>
/// <param name="Body">The JSON exactly as sent and signed.</param>
/// <param name="KeyId">Names the client's signing key (sent as fed-key-id) so a receiver rotating keys knows which secret to use.</param>
/// <param name="AttemptsMade">The number of the latest recorded attempt (0 before the first).</param>
public sealed record CallbackDelivery(Guid Id, Uri Url, string Body, string KeyId, string Secret, int AttemptsMade)
{
    public string MessageId => $"msg_{Id:N}";
}
