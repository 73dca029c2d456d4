using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Protocol;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// A terminal's work in a round over the protocol: its assignment, the model, progress, a lighter model, the result.
/// Every call passes the <see cref="TerminalGate"/> first; a refusal is counted for the terminal and changes nothing.
/// The edge, not the terminal, decides a hand-over to a standby (on the speed a progress report gives) and which
/// lighter model a terminal gets.
/// </summary>
public sealed class WorkDesk(
    TerminalGate gate,
    IDbContextFactory<FedDbContext> dbFactory,
    ModelParts parts,
    ControlParts controls,
    ModelBlobStore blobs,
    AssignmentDesk assignments,
    ModelSwap swap,
    StandbyReplacement standby,
    ResultIntake intake,
    RoundContinuation continuation,
    ILivePublisher live,
    TimeProvider clock)
{
    public async Task<AssignmentInfo?> CurrentAsync(string? credential, CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(credential, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One query: every terminal asks this before each training, an agent also whenever its heartbeat says work waits.
        var found = await OpenAssignments(db, caller)
            .Join(db.Rounds, p => p.RoundId, r => r.Id, (p, r) => new { Participant = p, Round = r })
            .Join(db.TrainingJobs, x => x.Round.JobId, j => j.Id, (x, j) => new { x.Participant, x.Round, Job = j })
            .Join(db.Terminals, x => x.Participant.TerminalId, t => t.Id, (x, t) => new
            {
                x.Participant,
                x.Round,
                x.Job,
                t.DataSamples,
                t.DataOrdinal,
                Shared = db.SharedDataGrants.Where(g => g.ParticipantId == x.Participant.Id).Sum(g => (long)g.Samples),
            })
            .OrderByDescending(x => x.Participant.Id)
            .FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var (participant, round, job) = (found.Participant, found.Round, found.Job);
        var settings = job.Settings;
        var part = participant.TrainedPart;
        return new AssignmentInfo(
            participant.Id,
            participant.Status == ParticipantStatus.Assigned ? AssignmentInfo.Offered : AssignmentInfo.Training,
            round.JobId,
            round.Number,
            settings.Model.ToString(),
            parts.HashOf(participant.Assignment.BaseModelHash, settings.Model, part.Width),
            part.Width,
            part.Segments?.Order(StringComparer.Ordinal).ToList(),
            settings.DataSource.ToString(),
            found.DataOrdinal,
            settings.LocalEpochs,
            settings.BatchSize,
            settings.LearningRate,
            settings.PlannedSteps(found.DataSamples + found.Shared),
            settings.Seed * 100_003 + round.Number * 1_009 + found.DataOrdinal,
            round.Deadline,
            new DemoPartition(settings.Partition.ToString(), job.DataShards, settings.Seed),
            job.Policy.Aggregation.TerminalProximalMu,
            job.Policy.Aggregation.UsesControlVariates ? await ControlsAsync(db, round, participant.TerminalId, settings.Model, part.Width, ct) : null);
    }

    public async Task<DecisionReply> DecideAsync(string? credential, int assignmentId, Decision decision, CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(credential, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var participant = await db.AssignmentOfAsync(gate, caller, assignmentId, ct);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == participant.RoundId, ct);
        if (round.Phase != RoundPhase.Collecting)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.RoundClosed, $"Round {round.Number} is {round.Phase}; its assignments are over.", ct);
        if (decision.Accept && participant.Status == ParticipantStatus.Training)
            return new DecisionReply(AssignmentInfo.Training, $"Assignment {assignmentId} is already accepted; go on training.");
        if (participant.Status != ParticipantStatus.Assigned)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.AssignmentClosed, $"Assignment {assignmentId} is {participant.Describe()}; it can no longer be accepted or declined.", ct);
        return decision.Accept
            ? await AcceptAsync(db, caller, participant, round, ct)
            : await DeclineAsync(db, caller, participant, round, decision.Reason, ct);
    }

    private async Task<DecisionReply> AcceptAsync(FedDbContext db, AuthenticatedTerminal caller, RoundParticipant participant, Round round, CancellationToken ct)
    {
        var facts = await db.TrainingJobs.Where(j => j.Id == round.JobId).Select(j => new
        {
            j.Settings.DataSource,
            Origin = db.Terminals.Where(t => t.Id == caller.TerminalId).Select(t => t.Origin).First(),
            Shared = db.SharedDataGrants.Where(g => g.ParticipantId == participant.Id).Sum(g => g.Samples),
        }).SingleAsync(ct);
        // Only the simulated fleet can be handed other terminals' data: the protocol has no way to send samples.
        var shared = facts.Origin == TerminalOrigin.Simulated ? facts.Shared : 0;
        if (!await assignments.StartAsync(participant.Id, facts.DataSource, shared, ct))
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.AssignmentClosed, $"Assignment {participant.Id} ended or was taken up while the answer came.", ct);
        return new DecisionReply(AssignmentInfo.Training, $"Assignment {participant.Id} accepted: train and upload the result by {round.Deadline:u}.");
    }

    private async Task<DecisionReply> DeclineAsync(FedDbContext db, AuthenticatedTerminal caller, RoundParticipant participant, Round round, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.InvalidRequest, "A declined assignment needs a reason (busy, low battery, …).", ct);
        var now = clock.GetUtcNow();
        participant.Decline(reason.Trim(), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.AssignmentClosed, $"Assignment {participant.Id} ended or was taken up while the answer came.", ct);
        }
        await live.PublishAsync(new ParticipantChanged(round.JobId, round.Id, participant.TerminalId, participant.Status, now));
        await continuation.AfterOutcomeAsync(round.Id, ct);
        return new DecisionReply(nameof(ParticipantStatus.Declined), $"Assignment {participant.Id} declined: {participant.FailureReason}");
    }

    /// <summary>The model's encoded weights as a file, when the terminal has an open assignment that needs it.</summary>
    public async Task<string> ModelFileAsync(string? credential, string hash, CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(credential, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await OpenAssignments(db, caller)
            .Join(db.Rounds, p => p.RoundId, r => r.Id, (p, r) => new { Participant = p, Round = r })
            .Join(db.TrainingJobs, x => x.Round.JobId, j => j.Id, (x, j) => new { x.Participant, x.Round, j.Settings, j.Policy })
            .ToListAsync(ct);
        // The assigned width, and the narrower one after a swap: a terminal may fetch either, and its control variates.
        var needed = new List<string>();
        foreach (var x in open)
        {
            foreach (var width in new[] { x.Participant.Assignment.Width, x.Participant.Work.Width })
            {
                needed.Add(parts.HashOf(x.Participant.Assignment.BaseModelHash, x.Settings.Model, width));
                if (!x.Policy.Aggregation.UsesControlVariates) continue;
                var variates = await ControlsAsync(db, x.Round, caller.TerminalId, x.Settings.Model, width, ct);
                needed.AddRange([variates.ServerHash, variates.TerminalHash]);
            }
        }
        if (!needed.Contains(hash, StringComparer.Ordinal))
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.ModelNotAssigned,
                $"Model {hash[..Math.Min(hash.Length, 64)]} is not the model of an open assignment of terminal {caller.TerminalId}.", ct);
        return blobs.PathOf(hash);
    }

    public async Task<ProgressReply> ProgressAsync(string? credential, int assignmentId, ProgressReport report, CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(credential, ct);
        if (ProblemsOf(report) is { Length: > 0 } problems)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.InvalidRequest, $"The progress report is out of range: {problems}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var participant = await db.AssignmentOfAsync(gate, caller, assignmentId, ct);
        if (participant.Status == ParticipantStatus.Assigned)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.InvalidRequest, $"Assignment {assignmentId} is offered, not accepted: accept it before reporting progress.", ct);
        if (participant.Status != ParticipantStatus.Training)
            return new ProgressReply(ProgressReply.Stop, $"The participation is {participant.Describe()}: stop and discard the work.");
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == participant.RoundId, ct);
        if (round.Phase != RoundPhase.Collecting)
            return new ProgressReply(ProgressReply.Stop, $"Round {round.Number} is {round.Phase}; it no longer collects results.");
        var policy = await PolicyOfAsync(db, participant, ct);
        // The speed of a training that has not taken a step yet says nothing.
        if (report.SamplesSeen > 0 && policy.ReplaceBelowSpeed is { } minimum && report.SamplesPerSecond < minimum)
        {
            var reason = $"Trained at {report.SamplesPerSecond:F0} samples/s, below the edge's reference of {minimum:F0}.";
            // Nobody to stand by: finishing slowly still beats losing the work, so the terminal goes on.
            if (await standby.TryReplaceAsync(participant.Id, reason, ct))
                return new ProgressReply(ProgressReply.Stop, $"{reason} A standby terminal took over: stop and discard the work.");
        }
        return new ProgressReply(ProgressReply.Continue, null);
    }

    public async Task<LighterModelReply> LighterModelAsync(string? credential, int assignmentId, LighterModelRequest request, CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(credential, ct);
        if (string.IsNullOrWhiteSpace(request.Reason))
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.InvalidRequest, "A request for a lighter model needs a reason (the load that makes it).", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var participant = await db.AssignmentOfAsync(gate, caller, assignmentId, ct);
        if (participant.Status != ParticipantStatus.Training)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.AssignmentClosed, $"Assignment {assignmentId} is {participant.Describe()}, not training.", ct);
        var policy = await PolicyOfAsync(db, participant, ct);
        var width = participant.Work.Width;
        if (!policy.AllowSwaps)
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.NoLighterModel, $"Edge {participant.EdgeId} does not swap models mid-training: go on at width {width:0.###}.", ct);
        if (policy.Tiers.Select(t => t.Width).Where(w => w < width).DefaultIfEmpty().Max() is not (> 0 and var narrower))
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.NoLighterModel, $"Edge {participant.EdgeId} has no model narrower than width {width:0.###}.", ct);
        if (!await swap.TrySwapAsync(participant.Id, narrower, request.Reason.Trim(), ct))
            throw await gate.RefuseAsync(caller.TerminalId, ProtocolError.AssignmentClosed, $"Assignment {assignmentId} stopped training while the request came.", ct);
        return new LighterModelReply(narrower, $"Go on with the nested model at width {narrower:0.###}: keep the first hidden units of each layer; upload at that width.");
    }

    /// <param name="declaredLength">The body's declared length (Content-Length) when known: too large is refused before reading.</param>
    public Task<UploadReply> UploadAsync(
        string? credential, int assignmentId, ResultMetadata metadata, Stream body, long? declaredLength, string? idempotencyKey, string? contentHash,
        CancellationToken ct) => intake.ReceiveAsync(credential, assignmentId, metadata, body, declaredLength, idempotencyKey, contentHash, ct);

    /// <summary>SCAFFOLD's c of the round's base version and the terminal's c_i in the job, at a width.</summary>
    private async Task<ScaffoldControls> ControlsAsync(FedDbContext db, Round round, int terminalId, ModelArchitecture model, double width, CancellationToken ct)
    {
        var server = await db.ModelVersions.Where(v => v.Id == round.BaseModelVersionId).Select(v => v.ServerStateHash).SingleAsync(ct);
        var terminal = await db.TerminalControls.Where(c => c.JobId == round.JobId && c.TerminalId == terminalId).Select(c => c.ControlHash).SingleOrDefaultAsync(ct);
        return controls.For(server, terminal, model, width);
    }

    /// <summary>The caller's participations still to train or training, in rounds that collect results.</summary>
    private static IQueryable<RoundParticipant> OpenAssignments(FedDbContext db, AuthenticatedTerminal caller) =>
        db.RoundParticipants.AsNoTracking().Where(p =>
            p.TerminalId == caller.TerminalId
            && (p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training)
            && db.Rounds.Any(r => r.Id == p.RoundId && r.Phase == RoundPhase.Collecting));

    private static Task<EdgePolicy> PolicyOfAsync(FedDbContext db, RoundParticipant participant, CancellationToken ct) =>
        db.EdgeServers.Where(e => e.Id == participant.EdgeId).Select(e => e.Policy).SingleAsync(ct);

    private static string ProblemsOf(ProgressReport report) => string.Join(" ", new[]
    {
        report.StepsDone < 0 ? $"StepsDone is {report.StepsDone}, not 0 or more." : null,
        report.SamplesSeen < 0 ? $"SamplesSeen is {report.SamplesSeen}, not 0 or more." : null,
        !(double.IsFinite(report.SamplesPerSecond) && report.SamplesPerSecond >= 0) ? $"SamplesPerSecond is {report.SamplesPerSecond}, not a finite number of 0 or more." : null,
        report.CpuLoad is >= 0 and <= 1 ? null : $"CpuLoad is {report.CpuLoad}, not a fraction from 0 to 1.",
    }.OfType<string>());
}
