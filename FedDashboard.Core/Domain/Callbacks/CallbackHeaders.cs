using System.Globalization;

namespace FedDashboard.Core.Domain.Callbacks;

/// <summary>The headers that carry a callback's identity and signature.</summary>
public static class CallbackHeaders
{
    public const string Id = "webhook-id";
    public const string Timestamp = "webhook-timestamp";
    public const string Signature = "webhook-signature";
    public const string KeyId = "fed-key-id";

    /// <summary>The headers of one attempt, signed at <paramref name="now"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(CallbackDelivery delivery, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        return
        [
            new(Id, delivery.MessageId),
            new(Timestamp, timestamp.ToString(CultureInfo.InvariantCulture)),
            new(Signature, CallbackSignature.Sign(delivery.Secret, delivery.MessageId, timestamp, delivery.Body)),
            new(KeyId, delivery.KeyId),
        ];
    }
}
