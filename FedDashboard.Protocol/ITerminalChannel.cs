namespace FedDashboard.Protocol;

/// <summary>
/// A terminal's side of protocol v1, one method per call. Over the network: the HTTP client; inside the dashboard:
/// a channel that calls the same server-side handlers, with the same authentication and checks. A refusal throws
/// <see cref="TerminalProtocolException"/> with its code.
/// </summary>
public interface ITerminalChannel
{
    Task<Enrolled> EnrolAsync(EnrolRequest request, CancellationToken ct);

    Task<Rotated> RotateCredentialAsync(string credential, CancellationToken ct);

    Task<HeartbeatReply> HeartbeatAsync(string credential, HeartbeatRequest request, CancellationToken ct);

    /// <returns>The open assignment, or null when the edge has no work for the terminal (FLARE's NO_TASK).</returns>
    Task<AssignmentInfo?> CurrentAssignmentAsync(string credential, CancellationToken ct);

    Task<DecisionReply> DecideAsync(string credential, int assignmentId, Decision decision, CancellationToken ct);

    /// <summary>
    /// Writes the model's encoded weights to <paramref name="destination"/>, from its current length on (a download cut
    /// short resumes where it stopped). The bytes hash to <paramref name="hash"/> once complete.
    /// </summary>
    Task DownloadModelAsync(string credential, string hash, Stream destination, CancellationToken ct);

    Task<ProgressReply> ReportProgressAsync(string credential, int assignmentId, ProgressReport report, CancellationToken ct);

    Task<LighterModelReply> RequestLighterModelAsync(string credential, int assignmentId, LighterModelRequest request, CancellationToken ct);

    /// <param name="weights">The encoded weights, read once from its current position.</param>
    /// <param name="idempotencyKey">The same for every retry of this upload.</param>
    /// <param name="contentHash">SHA-256 (lowercase hex) of the bytes in <paramref name="weights"/>.</param>
    Task<UploadReply> UploadResultAsync(
        string credential, int assignmentId, ResultMetadata metadata, Stream weights, string idempotencyKey, string contentHash, CancellationToken ct);

    /// <summary>The terminal goes offline and gives up its open assignment.</summary>
    Task LeaveAsync(string credential, CancellationToken ct);
}
