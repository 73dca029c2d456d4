namespace FedDashboard.Api;

/// <summary>Who a client API call authenticates as.</summary>
public sealed record ClientKeyIdentity(int ClientId, string Client, string KeyId, IReadOnlyList<string> Scopes);
