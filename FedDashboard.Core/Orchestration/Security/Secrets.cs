using System.Security.Cryptography;
using System.Text;

namespace FedDashboard.Core.Orchestration.Security;

/// <summary>
/// Secrets the server hands out once and keeps only as <see cref="Hash"/>: terminals' credentials and enrolment codes,
/// client applications' API keys. Random from the operating system's generator.
/// </summary>
public static class Secrets
{
    // Crockford's base 32: no I, L, O or U to mistake.
    private const string ReadableAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>256 random bits in base64url behind <paramref name="prefix"/>, which tells a leaked secret's kind at a glance.</summary>
    public static string NewToken(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// 256 bits that only holders of <paramref name="key"/> can compute (HMAC-SHA-256 of <paramref name="message"/>), in
    /// base64url behind <paramref name="prefix"/>: as hard to guess as <see cref="NewToken"/> for anyone without the key.
    /// </summary>
    public static string Derived(string prefix, byte[] key, string message) => prefix + Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message)));

    /// <summary><paramref name="length"/> characters a person can read aloud and type (5 random bits each).</summary>
    public static string NewReadable(int length) => new(RandomNumberGenerator.GetItems<char>(ReadableAlphabet, length));

    /// <summary>SHA-256 as lowercase hex: enough for secrets of 80 random bits or more, which no one can guess to match.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
