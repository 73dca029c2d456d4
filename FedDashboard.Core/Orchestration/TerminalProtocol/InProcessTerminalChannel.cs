using FedDashboard.Core.Domain.Topology;
using FedDashboard.Protocol;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// The protocol inside the dashboard, for its simulated fleet: each call goes to the same desk as the HTTP endpoint's,
/// credential and all, so no check is skipped; only the network and the JSON are left out.
/// </summary>
public sealed class InProcessTerminalChannel(EnrolmentDesk enrolment, HeartbeatDesk heartbeats, WorkDesk work) : ITerminalChannel
{
    public Task<Enrolled> EnrolAsync(EnrolRequest request, CancellationToken ct) => enrolment.EnrolAsync(request, TerminalOrigin.Simulated, ct);

    /// <summary>Enrols the dashboard's own terminals together (see <see cref="EnrolmentDesk.EnrolAllAsync"/>).</summary>
    public Task<IReadOnlyList<Enrolled>> EnrolAllAsync(IReadOnlyList<EnrolRequest> requests, CancellationToken ct) =>
        enrolment.EnrolAllAsync(requests, TerminalOrigin.Simulated, ct);

    public Task<Rotated> RotateCredentialAsync(string credential, CancellationToken ct) => enrolment.RotateAsync(credential, ct);

    public Task<HeartbeatReply> HeartbeatAsync(string credential, HeartbeatRequest request, CancellationToken ct) => heartbeats.BeatAsync(credential, request, ct);

    public Task<AssignmentInfo?> CurrentAssignmentAsync(string credential, CancellationToken ct) => work.CurrentAsync(credential, ct);

    public Task<DecisionReply> DecideAsync(string credential, int assignmentId, Decision decision, CancellationToken ct) =>
        work.DecideAsync(credential, assignmentId, decision, ct);

    public async Task DownloadModelAsync(string credential, string hash, Stream destination, CancellationToken ct)
    {
        var path = await work.ModelFileAsync(credential, hash, ct);
        await using var file = File.OpenRead(path);
        file.Position = Math.Min(destination.CanSeek ? destination.Length : 0, file.Length);
        await file.CopyToAsync(destination, ct);
    }

    public Task<ProgressReply> ReportProgressAsync(string credential, int assignmentId, ProgressReport report, CancellationToken ct) =>
        work.ProgressAsync(credential, assignmentId, report, ct);

    public Task<LighterModelReply> RequestLighterModelAsync(string credential, int assignmentId, LighterModelRequest request, CancellationToken ct) =>
        work.LighterModelAsync(credential, assignmentId, request, ct);

    public Task<UploadReply> UploadResultAsync(
        string credential, int assignmentId, ResultMetadata metadata, Stream weights, string idempotencyKey, string contentHash, CancellationToken ct) =>
        work.UploadAsync(credential, assignmentId, metadata, weights, weights.CanSeek ? weights.Length - weights.Position : null, idempotencyKey, contentHash, ct);

    public Task LeaveAsync(string credential, CancellationToken ct) => heartbeats.LeaveAsync(credential, ct);
}
