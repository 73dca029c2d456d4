using System.Security.Cryptography;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Scaffold;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Persistence;
using FedDashboard.Protocol;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// The one intake of trained results over the protocol, for agents and the simulated fleet alike: it checks an upload
/// in a fixed order — who sends it, for what, whether it was sent before, then its size before reading it, its bytes,
/// its parameters and its claims — and hands an upload that passed every check to the <see cref="UpdateReceiver"/>.
/// A refusal says what was wrong, is counted for the terminal and changes nothing else: the assignment stays open for
/// a corrected upload until the round's deadline.
/// </summary>
public sealed class ResultIntake(TerminalGate gate, IDbContextFactory<FedDbContext> dbFactory, UpdateReceiver receiver)
{
    private const int SubmitAttempts = 3;

    public async Task<UploadReply> ReceiveAsync(
        string? credential, int assignmentId, ResultMetadata metadata, Stream body, long? declaredLength, string? idempotencyKey, string? contentHash,
        CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(credential, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var participant = await db.AssignmentOfAsync(gate, caller, assignmentId, ct);
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > RoundParticipant.UploadKeyMaxLength)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.InvalidRequest,
                $"The {TerminalRoutes.IdempotencyKeyHeader} header must hold 1 to {RoundParticipant.UploadKeyMaxLength} characters, the same for every retry of an upload.", ct);
        if (contentHash is null || contentHash.Length != 64 || !contentHash.All(char.IsAsciiHexDigitLower))
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.InvalidRequest,
                $"The {TerminalRoutes.ContentHashHeader} header must hold the body's SHA-256 as 64 lowercase hex digits.", ct);
        if (participant.UploadKey == idempotencyKey) return Duplicate(participant);
        if (participant.UploadKey is not null || participant.Status == ParticipantStatus.Reported)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.AlreadyReported,
                $"Assignment {assignmentId} already has its result, sent with another {TerminalRoutes.IdempotencyKeyHeader}; a result counts once.", ct);
        // The round, the job's model and policy and the terminal's data, in one query.
        var facts = await db.Rounds.AsNoTracking().Where(r => r.Id == participant.RoundId)
            .Join(db.TrainingJobs, r => r.JobId, j => j.Id, (r, j) => new { Round = r, j.Settings.Model, j.Policy })
            .Select(x => new { x.Round, x.Model, x.Policy, Data = db.Terminals.Where(t => t.Id == caller.TerminalId).Select(t => t.DataSamples).First() })
            .SingleAsync(ct);
        var round = facts.Round;
        if (round.Phase != RoundPhase.Collecting)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.RoundClosed, $"Round {round.Number} is {round.Phase}; it no longer collects results.", ct);
        if (!participant.IsOpen)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.AssignmentClosed, $"Assignment {assignmentId} is {participant.Describe()}; it takes no result.", ct);

        var withControls = facts.Policy.Aggregation.UsesControlVariates;
        // The part the terminal trains now: narrower than assigned after a swap, and so must the upload be.
        var spec = participant.TrainedPart.Spec(facts.Model);
        var bytes = await ReadAsync(caller, body, declaredLength, spec, withControls ? ControlDeltaUpload.EncodedLength(spec) : spec.EncodedLength, ct);
        var (parameters, controlDelta) = await SplitAsync(caller, await DecodeAsync(caller, bytes, ct), withControls, ct);
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != contentHash)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.HashMismatch,
                $"The body's SHA-256 is not the {TerminalRoutes.ContentHashHeader} header's {contentHash}: it changed on the way; send it again.", ct);
        await RequireFitAsync(caller, parameters, spec, "parameters", ct);
        if (controlDelta is not null) await RequireFitAsync(caller, controlDelta, spec, "control variate's change Δc_i", ct);
        var available = (long)facts.Data + participant.Assignment.SharedSamples;
        if (metadata.Samples > available)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.SamplesExceedData,
                $"Samples {metadata.Samples} is more than the terminal's data: {facts.Data} samples of its own and {participant.Assignment.SharedSamples} shared with it.", ct);
        if (MetadataProblems(metadata) is { Length: > 0 } problems)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.InvalidRequest, $"The result's metadata is out of range: {problems}", ct);

        var update = new TerminalUpdate(participant.Id, caller.TerminalId, parameters, metadata.Samples, metadata.TrainLoss,
            metadata.TrainAccuracy, metadata.SamplesPerSecond, new LocalWork(metadata.PlannedSteps, metadata.StepsDone), idempotencyKey, controlDelta);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await receiver.SubmitAsync(update, ct);
            if (outcome.Accepted) return new UploadReply(false, outcome.Message);

            // Lost a race: a retry of the same upload got there first (counted once), the assignment ended meanwhile, or a
            // harmless change of the participant (the edge it reports through) only asks for another try.
            await using var after = await dbFactory.CreateDbContextAsync(ct);
            var now = await after.RoundParticipants.AsNoTracking().SingleAsync(p => p.Id == participant.Id, ct);
            if (now.UploadKey == idempotencyKey) return Duplicate(now);
            if (attempt == SubmitAttempts || outcome.Code != ProtocolError.AssignmentClosed || !now.IsOpen || now.UploadKey is not null)
                throw await gate.RefuseAsync(caller.TerminalId, outcome.Code ?? ProtocolError.AssignmentClosed, outcome.Message, ct);
        }
    }

    private static UploadReply Duplicate(RoundParticipant participant) =>
        new(true, $"This upload was accepted before for assignment {participant.Id} ({participant.Result.Samples} samples); it counts once.");

    /// <summary>
    /// The body, read into one buffer of at most the assigned part's encoded size: a larger declared length is refused
    /// before reading, a longer body without one as soon as it passes the size.
    /// </summary>
    private async Task<ArraySegment<byte>> ReadAsync(AuthenticatedTerminal caller, Stream body, long? declaredLength, ModelSpec spec, long cap, CancellationToken ct)
    {
        if (declaredLength > cap)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.TooLarge,
                $"The body declares {declaredLength} bytes; the {ModelLayout.Describe(spec)} the terminal trains takes {cap}.", ct);
        var buffer = new byte[declaredLength ?? cap];
        int read;
        try
        {
            read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            if (declaredLength is null && read == cap && await body.ReadAsync(new byte[1], ct) > 0)
                throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.TooLarge,
                    $"The body goes on past {cap} bytes, the size of the {ModelLayout.Describe(spec)} the terminal trains.", ct);
        }
        catch (IOException broken)
        {
            // The terminal is usually gone (its call was cancelled with the connection), but the refusal still counts.
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.Truncated, $"The body broke off: {broken.Message}", CancellationToken.None);
        }
        if (read < declaredLength)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.Truncated, $"The body ended after {read} of the {declaredLength} bytes it declared.", ct);
        return new ArraySegment<byte>(buffer, 0, read);
    }

    private async Task<ParameterSet> DecodeAsync(AuthenticatedTerminal caller, ArraySegment<byte> bytes, CancellationToken ct)
    {
        using var stream = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        ParameterSet parameters;
        try
        {
            parameters = ParameterSetCodec.Read(stream);
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or ArgumentException)
        {
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.Truncated, $"The body is not a whole parameter set: {unreadable.Message}", ct);
        }
        if (stream.Position != stream.Length)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.InvalidRequest, $"{stream.Length - stream.Position} bytes follow the parameter set in the body.", ct);
        return parameters;
    }

    /// <summary>The model and, under SCAFFOLD, Δc_i: required there, refused elsewhere.</summary>
    private async Task<(ParameterSet Model, ParameterSet? ControlDelta)> SplitAsync(AuthenticatedTerminal caller, ParameterSet upload, bool withControls, CancellationToken ct)
    {
        var (model, delta) = ControlDeltaUpload.Split(upload);
        if (withControls && delta is null)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.InvalidRequest,
                $"The job runs SCAFFOLD: the upload must carry the control variate's change Δc_i beside the model, as arrays named '{ControlDeltaUpload.Prefix}' + the model's names (see the assignment's Controls).", ct);
        if (!withControls && delta is not null)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.InvalidRequest,
                $"The job does not run SCAFFOLD: the upload carries arrays named '{ControlDeltaUpload.Prefix}…' it has no use for.", ct);
        return (model, delta);
    }

    private async Task RequireFitAsync(AuthenticatedTerminal caller, ParameterSet parameters, ModelSpec spec, string what, CancellationToken ct)
    {
        if (ModelLayout.Mismatch(parameters, spec) is { } mismatch)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.WrongShape, $"The {what} are not the {ModelLayout.Describe(spec)} the terminal trains: {mismatch}.", ct);
        if (parameters.HasNonFinite())
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.NonFinite, $"The {what} contain NaN or infinite values.", ct);
    }

    private static string MetadataProblems(ResultMetadata metadata) => string.Join(" ", new[]
    {
        metadata.Samples < 1 ? $"Samples is {metadata.Samples}, not 1 or more." : null,
        double.IsFinite(metadata.TrainLoss) && metadata.TrainLoss >= 0 ? null : $"TrainLoss is {metadata.TrainLoss}, not a finite number of 0 or more.",
        metadata.TrainAccuracy is >= 0 and <= 1 ? null : $"TrainAccuracy is {metadata.TrainAccuracy}, not a fraction from 0 to 1.",
        double.IsFinite(metadata.SamplesPerSecond) && metadata.SamplesPerSecond >= 0 ? null : $"SamplesPerSecond is {metadata.SamplesPerSecond}, not a finite number of 0 or more.",
        metadata.StepsDone >= 0 && metadata.PlannedSteps >= metadata.StepsDone ? null : $"StepsDone {metadata.StepsDone} must be from 0 to PlannedSteps {metadata.PlannedSteps}.",
    }.OfType<string>());
}
