using FedDashboard.Core.Domain.Clients;

namespace FedDashboard.Core.Orchestration.Clients;

/// <summary>A key just issued, with its <see cref="Secret"/>: shown to the administrator this once, stored nowhere.</summary>
public sealed record IssuedClientKey(ClientApiKey Key, string Secret);
