namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// What follows a participant's committed outcome (a report, a decline, a failure, a departure): the last committer
/// always sees every outcome, so one of them finds the round due and moves it to aggregating, and only that one hands
/// it to the aggregation step — at once, not at a poll, and once however many last outcomes race. Should it die between
/// the two, the round's deadline step (scheduled when the round started) finds the round aggregating and goes on.
/// </summary>
public sealed class RoundContinuation(AggregationStart start, IRoundScheduler scheduler)
{
    public async Task AfterOutcomeAsync(int roundId, CancellationToken ct)
    {
        // Spares the outcomes that are not the last the round's lock, which the concurrent uploads would take in turn.
        if (await start.AwaitsMoreAsync(roundId, ct)) return;
        if (await start.TryBeginAsync(roundId, ct) == AggregationBegin.Begun) scheduler.AggregateNow(roundId);
    }
}
