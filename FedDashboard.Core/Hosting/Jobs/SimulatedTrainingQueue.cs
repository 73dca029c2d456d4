using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using Hangfire;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>
/// Hands the simulated fleet its assignments at once, to train in a <see cref="TrainParticipantsJob"/> per edge (per
/// <see cref="MostPerJob"/> of its participants): on the edge's queue when a node serves it, as terminals train near
/// their edge; else on the training queue, where the nodes share the edges' jobs. A job per participant cost a Hangfire
/// enqueue each, a few milliseconds: a round of 1,000 took seconds to start. An agent's terminal hears of its work from
/// its own heartbeat, so it costs no job.
/// </summary>
internal sealed class SimulatedTrainingQueue(IBackgroundJobClient jobs, IEdgeQueues edgeQueues) : IAssignmentNotifier
{
    public const int MostPerJob = 64;

    public void Assigned(IReadOnlyList<AssignedParticipant> participants)
    {
        foreach (var edge in participants.Where(p => p.Origin == TerminalOrigin.Simulated).GroupBy(p => p.EdgeId))
        {
            var queue = edgeQueues.IsServed(edge.Key) ? EdgeQueue.Of(edge.Key) : TrainParticipantsJob.Queue;
            foreach (var ids in edge.Select(p => p.Id).Chunk(MostPerJob))
                jobs.Enqueue<TrainParticipantsJob>(queue, j => j.RunAsync(ids, CancellationToken.None));
        }
    }
}
