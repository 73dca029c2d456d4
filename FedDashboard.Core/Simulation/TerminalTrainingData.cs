using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;


namespace FedDashboard.Core.Simulation;

/// <summary>The samples a simulated terminal trains on in a round, drawn deterministically from the job's partition.</summary>
public sealed class TerminalTrainingData(FederatedData data, FleetRegistry registry)
{
    /// <summary>
    /// With <see cref="DataSource.Local"/> the terminal's own shard. With <see cref="DataSource.Edge"/> the data set its
    /// edge hands out: the edge pools the shards of the terminals placed around it at seeding (data ordinals o
    /// with o mod edges = the edge's position among the edges by id, as <see cref="FleetLayout"/> places them) and hands
    /// each terminal a seeded draw of as many samples as the terminal's own shard holds. Either way, plus the samples
    /// shared with it, drawn from each donor's shard.
    /// </summary>
    /// <returns>The sample indices and how many of them were shared by other terminals.</returns>
    public async Task<(int[] Indices, int Shared)> ForAsync(TerminalAssignment assignment, int seed, CancellationToken ct)
    {
        var job = assignment.Job;
        var own = data.ShardOf(job, assignment.Terminal.DataOrdinal);
        var main = job.Settings.DataSource == DataSource.Edge
            ? Draw(await EdgePoolAsync(job, assignment.EdgeId, ct), own.Length, seed)
            : own;
        int[] shared = [.. assignment.SharedData.SelectMany(g => Draw(data.ShardOf(job, g.DonorDataOrdinal), g.Samples, seed + g.DonorDataOrdinal))];
        return ([.. main, .. shared], shared.Length);
    }

    private async Task<int[]> EdgePoolAsync(TrainingJob job, int edgeId, CancellationToken ct)
    {
        var edges = (await registry.EdgesAsync(ct)).Select(e => e.Id).ToList();
        var position = edges.IndexOf(edgeId);
        return [.. Enumerable.Range(0, job.DataShards).Where(o => o % edges.Count == position).SelectMany(o => data.ShardOf(job, o))];
    }

    /// <summary>A seeded sample without replacement of up to <paramref name="count"/> items (a partial Fisher–Yates shuffle).</summary>
    private static int[] Draw(int[] source, int count, int seed)
    {
        var items = (int[])source.Clone();
        var take = Math.Min(count, items.Length);
        var random = new Random(seed);
        for (var j = 0; j < take; j++)
        {
            var k = random.Next(j, items.Length);
            (items[j], items[k]) = (items[k], items[j]);
        }
        return items[..take];
    }
}
