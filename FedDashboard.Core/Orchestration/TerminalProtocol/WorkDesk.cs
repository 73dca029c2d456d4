using FedDashboard.Protocol;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>A terminal's work in a round over the protocol: its assignment, the model, progress, a lighter model, the result.</summary>
public sealed class WorkDesk
{
    public Task<AssignmentInfo?> CurrentAsync(string? credential, CancellationToken ct) => throw new NotImplementedException();

    public Task<DecisionReply> DecideAsync(string? credential, int assignmentId, Decision decision, CancellationToken ct) => throw new NotImplementedException();

    /// <summary>The model's encoded weights as a file, when the terminal has an open assignment that needs it.</summary>
    public Task<string> ModelFileAsync(string? credential, string hash, CancellationToken ct) => throw new NotImplementedException();

    public Task<ProgressReply> ProgressAsync(string? credential, int assignmentId, ProgressReport report, CancellationToken ct) => throw new NotImplementedException();

    public Task<LighterModelReply> LighterModelAsync(string? credential, int assignmentId, LighterModelRequest request, CancellationToken ct) =>
        throw new NotImplementedException();

    /// <param name="declaredLength">The body's declared length (Content-Length) when known: too large is refused before reading.</param>
    public Task<UploadReply> UploadAsync(
        string? credential, int assignmentId, ResultMetadata metadata, Stream body, long? declaredLength, string? idempotencyKey, string? contentHash,
        CancellationToken ct) => throw new NotImplementedException();
}
