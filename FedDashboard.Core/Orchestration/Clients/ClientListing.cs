using FedDashboard.Core.Domain.Clients;

namespace FedDashboard.Core.Orchestration.Clients;

/// <summary>A client application with its keys, newest first, as the Clients page lists them.</summary>
public sealed record ClientListing(ClientApplication Client, IReadOnlyList<ClientApiKey> Keys);
