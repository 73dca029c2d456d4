using FedDashboard.Core.Orchestration.Options;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// Simulated terminals of one edge train, each in a scope of its own as a job of its own would, as many at once as the
/// queue has workers: each waits for one of the node's training slots (<see cref="TrainingSlots"/>), so the others
/// download and upload meanwhile. Enqueued on the edge's queue or this one (by the simulated training queue in Hosting).
/// </summary>
public sealed class TrainParticipantsJob(IServiceScopeFactory scopes, IOptions<OrchestrationOptions> options)
{
    public const string Queue = "training";

    // A failed training is recorded on the participant; retrying would only train after the round moved on. A run that
    // did not finish (the node died) is run again by Hangfire, and a participant trained already is passed over.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(int[] participantIds, CancellationToken ct) =>
        Parallel.ForEachAsync(participantIds, new ParallelOptions { MaxDegreeOfParallelism = options.Value.QueueWorkers, CancellationToken = ct },
            async (participantId, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SimulatedTerminal>().TrainAsync(participantId, token);
            });
}
