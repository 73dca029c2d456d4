using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Model;

public sealed class CoverageMapQueries(IDbContextFactory<FedDbContext> dbFactory, IOptions<FleetOptions> fleet, LiveFeed feed, TimeProvider clock)
{
    /// <summary>
    /// A big fleet's map is published every second (see FleetIntake); one this recent opens the page as well as the
    /// database would, without counting the whole fleet while it reports.
    /// </summary>
    public static readonly TimeSpan PublishedMapFreshFor = TimeSpan.FromSeconds(3);

    /// <summary>The edges, and each terminal up to <see cref="CoverageMapModel.DensityAbove"/>; a bigger fleet counted per edge and cell instead.</summary>
    public async Task<CoverageMapState> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var edges = await db.EdgeServers.OrderBy(e => e.Name)
            .Select(e => new EdgeCircle(e.Id, e.Name, e.CenterX, e.CenterY, e.Radius))
            .ToListAsync(ct);
        if (feed.Latest<FleetMap>(PublishedMapFreshFor) is { Terminals: > CoverageMapModel.DensityAbove } published)
            return new CoverageMapState(fleet.Value.MapSize, edges, [], published, await AgentsAsync(db, ct));
        // Whether the fleet is past the threshold is known from its first rows, without counting all of it.
        if (await db.Terminals.OrderBy(t => t.Id).Take(CoverageMapModel.DensityAbove + 1).CountAsync(ct) > CoverageMapModel.DensityAbove)
        {
            var open = await db.RoundParticipants
                .Where(p => p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training)
                .Select(p => new { p.TerminalId, p.Status })
                .ToListAsync(ct);
            var participation = open.DistinctBy(p => p.TerminalId).ToDictionary(p => p.TerminalId, p => p.Status);
            var counted = await FleetState.MapAsync(db, participation, new DensityGrid(fleet.Value.MapSize), clock.GetUtcNow(), ct);
            return new CoverageMapState(fleet.Value.MapSize, edges, [], counted, await AgentsAsync(db, ct));
        }
        var training = await TrainingAsync(db, ct);
        var terminals = await db.Terminals.OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, t.PositionX, t.PositionY, t.EdgeId, t.Online, t.Origin })
            .ToListAsync(ct);
        return new CoverageMapState(
            fleet.Value.MapSize,
            edges,
            [.. terminals.Select(t => new MapTerminal(t.Id, t.Name, t.PositionX, t.PositionY, t.EdgeId,
                TerminalActivities.Of(t.Online, t.EdgeId, training.Contains(t.Id)), t.Origin == TerminalOrigin.Agent))]);
    }

    /// <summary>The first <paramref name="limit"/> terminals by id of an edge or a cell of <paramref name="grid"/>, and how many it holds.</summary>
    public async Task<(IReadOnlyList<MapTerminal> Terminals, int Total)> DetailAsync(MapSelection selection, DensityGrid grid, int limit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var selected = selection switch
        {
            SelectedEdge edge => db.Terminals.Where(t => t.EdgeId == edge.EdgeId),
            SelectedCell { Cell: var cell } => InCell(db.Terminals, grid.Extent(cell.Column), grid.Extent(cell.Row)),
            _ => throw new ArgumentException($"Unknown selection {selection}.", nameof(selection)),
        };
        var total = await selected.CountAsync(ct);
        var terminals = await selected.OrderBy(t => t.Id)
            .Take(limit)
            .Select(t => new { t.Id, t.Name, t.PositionX, t.PositionY, t.EdgeId, t.Online, t.Origin })
            .ToListAsync(ct);
        var training = await TrainingAsync(db, ct);
        return ([.. terminals.Select(t => new MapTerminal(t.Id, t.Name, t.PositionX, t.PositionY, t.EdgeId,
            TerminalActivities.Of(t.Online, t.EdgeId, training.Contains(t.Id)), t.Origin == TerminalOrigin.Agent))], total);
    }

    private static IQueryable<Terminal> InCell(IQueryable<Terminal> terminals, (double From, double To) x, (double From, double To) y) =>
        terminals.Where(t => t.PositionX >= x.From && t.PositionX < x.To && t.PositionY >= y.From && t.PositionY < y.To);

    private static Task<int> AgentsAsync(FedDbContext db, CancellationToken ct) => db.Terminals.CountAsync(t => t.Origin == TerminalOrigin.Agent, ct);

    private static async Task<HashSet<int>> TrainingAsync(FedDbContext db, CancellationToken ct) =>
        (await db.RoundParticipants
            .Where(p => p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training)
            .Select(p => p.TerminalId)
            .Distinct()
            .ToListAsync(ct)).ToHashSet();
}
