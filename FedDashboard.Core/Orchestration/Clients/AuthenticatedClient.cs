using FedDashboard.Core.Domain.Clients;

namespace FedDashboard.Core.Orchestration.Clients;

/// <summary>The client a call's API key proved, and which of its keys (<see cref="KeyId"/> being the public one) with which scopes.</summary>
public sealed record AuthenticatedClient(int ClientId, string ClientName, int ApiKeyId, string KeyId, ClientKeyScopes Scopes);
