using FedDashboard.Core.Persistence;
using FedDashboard.Core.Topology;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>The samples a simulated terminal trains on in a round, drawn deterministically from the job's partition.</summary>
public sealed class TerminalTrainingData(FederatedData data)
{
    /// <summary>
    /// With <see cref="DataSource.Local"/> the terminal's own shard. With <see cref="DataSource.Edge"/> the data set its
    /// edge hands out: the edge pools the shards of the terminals placed around it at seeding (data ordinals o
    /// with o mod edges = the edge's position among the edges by id, as <see cref="FleetLayout"/> places them) and hands
    /// each terminal a seeded draw of as many samples as the terminal's own shard holds. Either way, plus the samples
    /// of each <see cref="SharedDataGrant"/>, drawn from the donor's shard.
    /// </summary>
    /// <returns>The sample indices and how many of them were shared by other terminals.</returns>
    public async Task<(int[] Indices, int Shared)> ForAsync(FedDbContext db, TrainingJob job, RoundParticipant participant, Terminal terminal, int seed, CancellationToken ct)
    {
        var own = data.ShardOf(job, terminal.DataOrdinal);
        var main = job.Settings.DataSource == DataSource.Edge
            ? Draw(await EdgePoolAsync(db, job, participant.EdgeId, ct), own.Length, seed)
            : own;
        var grants = await db.SharedDataGrants
            .Where(g => g.ParticipantId == participant.Id)
            .Join(db.Terminals, g => g.DonorTerminalId, t => t.Id, (g, t) => new { t.DataOrdinal, g.Samples })
            .ToListAsync(ct);
        int[] shared = [.. grants.SelectMany(g => Draw(data.ShardOf(job, g.DataOrdinal), g.Samples, seed + g.DataOrdinal))];
        return ([.. main, .. shared], shared.Length);
    }

    private async Task<int[]> EdgePoolAsync(FedDbContext db, TrainingJob job, int edgeId, CancellationToken ct)
    {
        var edges = await db.EdgeServers.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        var position = edges.IndexOf(edgeId);
        return [.. Enumerable.Range(0, job.FleetSize).Where(o => o % edges.Count == position).SelectMany(o => data.ShardOf(job, o))];
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
