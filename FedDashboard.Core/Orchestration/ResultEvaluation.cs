using FedDashboard.Core.Learning;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Strategies;
using FedDashboard.Core.Strategies.Filtering;
using FedDashboard.Core.Topology;
using FedDashboard.Core.Topology.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Orchestration;

/// <summary>
/// Each edge evaluates its terminals' reported results before it aggregates them: every result's model is
/// measured on the validation data, and the edge's evaluation policy filters them; a filtered result keeps its reasons
/// and is neither aggregated nor rewarded. Terminals are read as they are now, and so is the edge's policy, as departures
/// read it; capacity is scored against the fastest terminal among the edge's results.
/// </summary>
public sealed class ResultEvaluation(ModelBlobStore blobs, FederatedData data, ILogger<ResultEvaluation> logger)
{
    /// <param name="reported">The round's reported participants, tracked by <paramref name="db"/>, where the filtered ones change.</param>
    /// <returns>The accepted participants, in the given order.</returns>
    public async Task<List<RoundParticipant>> AcceptedAsync(
        FedDbContext db, Round round, ModelArchitecture architecture, List<RoundParticipant> reported, DateTimeOffset now, CancellationToken ct)
    {
        if (reported.Count == 0) return reported;
        var terminalIds = reported.Select(p => p.TerminalId).ToList();
        var terminals = await db.Terminals.AsNoTracking().Where(t => terminalIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var edges = await db.EdgeServers.AsNoTracking().ToDictionaryAsync(e => e.Id, ct);
        var reliability = await Reliability.ByTerminalAsync(
            db.RoundParticipants.Where(p => terminalIds.Contains(p.TerminalId) && p.RoundId != round.Id), ct);

        foreach (var results in reported.GroupBy(p => p.EdgeId))
            Judge(edges[results.Key], [.. results], terminals, reliability, architecture, now);
        return [.. reported.Where(p => p.Status == ParticipantStatus.Reported)];
    }

    private void Judge(
        EdgeServer edge, IReadOnlyList<RoundParticipant> results, IReadOnlyDictionary<int, Terminal> terminals,
        IReadOnlyDictionary<int, Reliability> reliability, ModelArchitecture architecture, DateTimeOffset now)
    {
        var filter = new ResultFilter(edge.Policy.Evaluation);
        var trained = results.Select(p =>
        {
            var part = TrainedPart.Of(p.Width, p.Segment);
            return new TrainedResult(blobs.Get(p.UpdateHash!), part.Spec(architecture), part.Segments);
        }).ToList();
        // An edge hands all its terminals of a round the same start model.
        var deviations = filter.ComparesUpdates
            ? UpdateDeviations.Measure(blobs.Get(results[0].BaseModelHash), new ModelSpec(architecture), trained)
            : [.. trained.Select(_ => UpdateDeviation.Unknown)];
        var fastest = results.Max(p => terminals[p.TerminalId].TrainingSamplesPerSecond);

        for (var i = 0; i < results.Count; i++)
        {
            var participant = results[i];
            var terminal = terminals[participant.TerminalId];
            var accuracy = ModelEvaluator.Evaluate(trained[i].Spec, trained[i].Parameters, data.Validation).Accuracy;
            participant.RecordValidation(accuracy);
            var evidence = new ResultEvidence(
                new TerminalEvidence(terminal, edge, reliability.GetValueOrDefault(terminal.Id, Reliability.NoWork),
                    CapacityScore.Of(terminal.CpuLoad, terminal.TrainingSamplesPerSecond, fastest), participant.Samples, participant.AssignedAt),
                accuracy, participant.EndedAt!.Value - participant.AssignedAt, deviations[i]);
            if (filter.Rejects(evidence) is not { } reason) continue;
            participant.Filter(reason, now);
            logger.LogInformation("{Edge} filtered terminal {Terminal}'s result in round {RoundId}: {Reason}", edge.Name, terminal.Name, participant.RoundId, reason);
        }
    }
}
