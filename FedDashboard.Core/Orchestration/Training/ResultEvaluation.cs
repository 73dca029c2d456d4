using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// Each edge evaluates its terminals' reported results before it aggregates them: loads what its strategy judges them by
/// (every result's model and its accuracy on the validation data, measured as it arrived or now; the terminals and their
/// records of work as they are now), and records each verdict; a filtered result keeps its reasons and is neither
/// aggregated nor rewarded.
/// </summary>
public sealed class ResultEvaluation(ModelBlobStore blobs, ResultValidation validation, ILogger<ResultEvaluation> logger)
{
    /// <param name="edges">Every edge by id, as it is now: its strategy reads its evaluation policy.</param>
    /// <param name="reported">The round's reported participants, tracked by <paramref name="db"/>, where the filtered ones change.</param>
    /// <returns>The accepted participants, in the given order.</returns>
    public async Task<List<RoundParticipant>> AcceptedAsync(
        FedDbContext db, Round round, TrainingJob job, ICentralStrategy strategy, IReadOnlyDictionary<int, EdgeServer> edges,
        List<RoundParticipant> reported, DateTimeOffset now, CancellationToken ct)
    {
        if (reported.Count == 0) return reported;
        var terminalIds = reported.Select(p => p.TerminalId).ToList();
        var terminals = await db.Terminals.AsNoTracking().Where(t => terminalIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var reliability = await ReliabilityRecords.ByTerminalAsync(
            db.RoundParticipants.Where(p => terminalIds.Contains(p.TerminalId) && p.RoundId != round.Id), ct);

        var architecture = job.Settings.Model;
        foreach (var edgeResults in reported.GroupBy(p => p.EdgeId))
        {
            var edge = strategy.Edge(edges[edgeResults.Key]);
            List<RoundParticipant> results = [.. edgeResults];
            var verdicts = edge.Evaluate(
                [.. results.Select(p =>
                {
                    var trained = p.TrainedPart.Trained(blobs.Get(p.Result.UpdateHash!), architecture);
                    return new EdgeResult(terminals[p.TerminalId], reliability.GetValueOrDefault(p.TerminalId, Reliability.NoWork),
                        trained, p.Result.Samples, p.AssignedAt, p.EndedAt!.Value, p.Result.ValidationAccuracy ?? validation.AccuracyOf(trained));
                })],
                // An edge hands all its terminals of a round the same start model.
                () => blobs.Get(results[0].Assignment.BaseModelHash));
            for (var i = 0; i < results.Count; i++) Record(results[i], verdicts[i], edge.Edge, terminals[results[i].TerminalId], now);
        }
        return [.. reported.Where(p => p.Status == ParticipantStatus.Reported)];
    }

    private void Record(RoundParticipant participant, ResultVerdict verdict, EdgeServer edge, Terminal terminal, DateTimeOffset now)
    {
        participant.RecordValidation(verdict.ValidationAccuracy);
        if (verdict.Rejection is not { } reason) return;
        participant.Filter(reason, now);
        logger.LogInformation("{Edge} filtered terminal {Terminal}'s result in round {RoundId}: {Reason}", edge.Name, terminal.Name, participant.RoundId, reason);
    }
}
