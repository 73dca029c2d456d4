using System.Security.Cryptography;

namespace FedDashboard.Core.Domain.Security;

internal static class OneTimePassword
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>20 characters from an alphabet without look-alikes (about 115 bits).</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 20);
}
