namespace FedDashboard.Core.Domain.Callbacks;

/// <summary>What this installation lets callbacks reach.</summary>
public sealed record CallbackUrlPolicy(bool AllowHttp, bool AllowLoopback, bool AllowPrivateNetworks, OwnEndpoints Own);
