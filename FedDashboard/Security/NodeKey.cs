using System.Security.Cryptography;

namespace FedDashboard.Security;

/// <summary>
/// A secret this node's own hub relay presents to the live hub, which admits only signed-in users otherwise.
/// The relay connects to its own node, so a key made at start and never stored is enough.
/// </summary>
public sealed class NodeKey
{
    public const string Header = "X-Fed-Node-Key";

    public string Value { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(Value));
}
