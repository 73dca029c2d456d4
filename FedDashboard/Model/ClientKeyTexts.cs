using FedDashboard.Core.Domain.Clients;

namespace FedDashboard.Model;

/// <summary>How the Clients page words a key's scopes and state.</summary>
public static class ClientKeyTexts
{
    public static string ScopeText(ClientKeyScopes scope) => scope switch
    {
        ClientKeyScopes.SubmitRequests => "Submit requests",
        ClientKeyScopes.ReadRequests => "Read own requests",
        ClientKeyScopes.DownloadModels => "Download own models",
        _ => scope.ToString(),
    };

    /// <summary>Active, Expired, Rotated (revoked for its successor) or Revoked, at <paramref name="now"/>.</summary>
    /// <param name="replaced">A successor replaced it.</param>
    public static string StatusText(ClientApiKey key, bool replaced, DateTimeOffset now) =>
        replaced ? "Rotated"
        : key.IsRevoked ? "Revoked"
        : key.IsExpiredAt(now) ? "Expired"
        : "Active";
}
