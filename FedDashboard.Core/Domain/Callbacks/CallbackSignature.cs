using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FedDashboard.Core.Domain.Callbacks;

/// <summary>
/// Signs callbacks as Standard Webhooks does (standardwebhooks.com): HMAC-SHA256 over "{id}.{timestamp}.{body}" with
/// the client's secret, sent as "v1,{base64}". The timestamp is signed so an old callback cannot be replayed later; the
/// id is signed and constant across attempts so a receiver can drop a second copy.
/// </summary>
public static class CallbackSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>How far a callback's timestamp may be from the receiver's clock.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>A new signing secret: "whsec_" and 32 random bytes in base64.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The webhook-signature header's value for one send.</summary>
    public static string Sign(string secret, string messageId, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(Mac(secret, messageId, timestamp, body));

    /// <summary>Checks a received callback: the header values as they came, the body exactly as received.</summary>
    /// <param name="signatures">The webhook-signature header: one or more "v1,{base64}" separated by spaces.</param>
    public static SignatureCheck Verify(string secret, string? messageId, string? timestamp, string? signatures, string body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(messageId) || string.IsNullOrEmpty(signatures)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return SignatureCheck.Malformed;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds) return SignatureCheck.OutsideTolerance;

        var expected = Mac(secret, messageId, seconds, body);
        var received = new byte[expected.Length];
        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (signature.StartsWith("v1,", StringComparison.Ordinal)
                && Convert.TryFromBase64String(signature[3..], received, out var length)
                && CryptographicOperations.FixedTimeEquals(received.AsSpan(0, length), expected))
                return SignatureCheck.Valid;
        }
        return SignatureCheck.NoMatch;
    }

    private static byte[] Mac(string secret, string messageId, long timestamp, string body) =>
        HMACSHA256.HashData(Key(secret), Encoding.UTF8.GetBytes($"{messageId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}"));

    private static byte[] Key(string secret) =>
        secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
            ? Convert.FromBase64String(secret[SecretPrefix.Length..])
            : throw new FormatException($"A callback signing secret starts with \"{SecretPrefix}\".");
}
