using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Orchestration.Training;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

internal sealed class HangfireRoundScheduler(IBackgroundJobClient jobs) : IRoundScheduler
{
    public void StartNextRound(int jobId, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero) jobs.Enqueue<StartRoundJob>(j => j.RunAsync(jobId, CancellationToken.None));
        else jobs.Schedule<StartRoundJob>(j => j.RunAsync(jobId, CancellationToken.None), delay);
    }

    public void SelectEdge(int roundId, int edgeId) =>
        jobs.Enqueue<SelectEdgeJob>(EdgeQueue.Of(edgeId), j => j.RunAsync(roundId, edgeId, CancellationToken.None));

    public void AggregateWhenDue(int roundId, DateTimeOffset deadline) =>
        jobs.Schedule<AggregateRoundJob>(j => j.RunAsync(roundId, CancellationToken.None), deadline);

    public void AggregateNow(int roundId) =>
        jobs.Enqueue<AggregateRoundJob>(j => j.RunAsync(roundId, CancellationToken.None));

    public void AggregateEdge(int roundId, int edgeId) =>
        jobs.Enqueue<AggregateEdgeJob>(EdgeQueue.Of(edgeId), j => j.RunAsync(roundId, edgeId, CancellationToken.None));

    public void CombineRound(int roundId) =>
        jobs.Enqueue<CombineRoundJob>(j => j.RunAsync(roundId, CancellationToken.None));

    public void RewardRound(int roundId) =>
        jobs.Enqueue<RewardRoundJob>(j => j.RunAsync(roundId, CancellationToken.None));
}
