using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Protocol;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// Heartbeats keep a terminal online and tell the edge where it is and how it is; leaving takes it offline. A heartbeat
/// is answered from memory (the gate's cached credential, <see cref="HeartbeatAnswers"/>) and waits in the
/// <see cref="HeartbeatInbox"/> until <see cref="TerminalLiveness"/> writes it. The answer names the edge node of the
/// terminal's edge (<see cref="IEdgeNodeAddresses"/>), so an agent calls the node that does its edge's work.
/// </summary>
public sealed class HeartbeatDesk(
    TerminalGate gate,
    HeartbeatInbox inbox,
    HeartbeatAnswers answers,
    IEdgeNodeAddresses edgeNodes,
    TerminalLiveness liveness,
    IOptions<TerminalOptions> options,
    IOptions<FleetOptions> fleet,
    TimeProvider clock)
{
    /// <exception cref="TerminalProtocolException">The gate's refusals, or invalid_request naming every bad field.</exception>
    public async Task<HeartbeatReply> BeatAsync(string? credential, HeartbeatRequest request, CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(credential, ct);
        var now = clock.GetUtcNow();
        if (request is null) throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.InvalidRequest, "The heartbeat has no body.", ct);
        if (HeartbeatRules.Problems(request, fleet.Value.MapSize, now) is { } problems)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.InvalidRequest, problems, ct);

        var (edgeId, assignmentId) = await answers.AnswerAsync(caller.TerminalId, request.X, request.Y, ct);
        var interval = options.Value.HeartbeatSeconds;
        var onlineUntil = now + 2 * TimeSpan.FromSeconds(interval);
        inbox.Put(new Heartbeat(caller.TerminalId, request.X, request.Y, edgeId, request.CpuLoad, request.Battery, request.FreeMemoryMb, request.WantsWork,
            request.App, request.DataSamples, request.DataUpdatedAt, request.AgentVersion, onlineUntil));
        return new HeartbeatReply(onlineUntil, interval, edgeId, assignmentId, edgeId is { } edge ? edgeNodes.UrlOf(edge) : null);
    }

    /// <summary>The terminal goes offline now and gives up its open assignment; the round may then be complete.</summary>
    public async Task LeaveAsync(string? credential, CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(credential, ct);
        await liveness.LeaveAsync(caller.TerminalId, ct);
    }
}
