using FedDashboard.Protocol;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>Heartbeats keep a terminal online and tell the edge where it is and how it is; leaving takes it offline.</summary>
public sealed class HeartbeatDesk
{
    public Task<HeartbeatReply> BeatAsync(string? credential, HeartbeatRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task LeaveAsync(string? credential, CancellationToken ct) => throw new NotImplementedException();
}
