using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Diagnostics;

namespace FedDashboard.Bench;

/// <summary>
/// The Terminals page's database work at fleet scale: the baseline query (the whole table and a GROUP BY over all
/// history, every 5 s) against the paged one (opening a page, paging, sorting, filtering) and its live refresh of
/// the rows on show (every 5 s); and the Coverage map's first load. Each is run several times; the median time, the queries and the rows PostgreSQL
/// returned to the app are reported.
/// </summary>
internal static class PagesBenchmark
{
    private const int PageSize = 25;

    /// <summary>--section database (this class) or browser (<see cref="LivePagesBenchmark"/>).</summary>
    public static Task<int> RunAsync(BenchArguments args) => args.Text("section", "browser") switch
    {
        "database" => RunDatabaseAsync(args),
        "browser" => LivePagesBenchmark.RunAsync(args),
        var other => throw new ArgumentException($"--section must be database or browser (was {other})."),
    };

    private static async Task<int> RunDatabaseAsync(BenchArguments args)
    {
        var terminals = args.PositiveInteger("terminals", 100_000);
        var history = args.PositiveInteger("history", 10);
        var telemetry = args.Integer("telemetry", 10);
        var repeats = args.PositiveInteger("repeat", 10);
        if (terminals < 1_000) throw new ArgumentException($"--terminals must be at least 1,000, one round's participants (was {terminals}).");

        Console.WriteLine($"Pages benchmark: the Terminals page at {terminals:N0} terminals, ~{history} participations and {telemetry} telemetry rows each, every figure the median of {repeats} runs");
        Console.WriteLine($"Machine: {MachineDescription.Describe()}");
        await using var host = await BenchHost.StartAsync("pages", 100, runWorkers: false);
        var services = host.Services;
        var seed = new PagesSeed(services.GetRequiredService<IDbContextFactory<FedDbContext>>(), services.GetRequiredService<JobLauncher>());
        var seeding = Stopwatch.StartNew();
        await seed.SeedAsync(terminals, history, telemetry);
        var (seededTerminals, participations, telemetryRows) = await seed.CountAsync();
        Console.WriteLine($"Seeded {seededTerminals:N0} terminals, {participations:N0} participations, {telemetryRows:N0} telemetry rows in {seeding.Elapsed.TotalSeconds:0} s (not measured).");

        var counter = new QueryCounter();
        var factory = new CountedDbContextFactory(services.GetRequiredService<DbContextOptions<FedDbContext>>(), counter);
        var queries = new TerminalQueries(factory);
        // No live feed: the map opens from the database, as on a node that has not seen a published map yet.
        var map = new CoverageMapQueries(factory, services.GetRequiredService<IOptions<FleetOptions>>(), new LiveFeed(TimeProvider.System), TimeProvider.System);
        var firstPage = await queries.PageAsync(new TerminalListFilter(), [], 0, PageSize);
        var shownIds = firstPage.Rows.Select(r => r.Id).ToList();
        var connection = host.ConnectionString;
        var byCpu = new[] { new TerminalSort(nameof(TerminalRow.CpuLoad), Descending: true) };

        var runs = new List<PageRefresh>
        {
            await MeasureAsync("before", "refresh every 5 s: every terminal, every edge, reliability over all history (baseline)", counter, connection, repeats,
                async () => (await BaselineTerminalList.ListAsync(factory)).Count),
            await MeasureAsync("after", "refresh every 5 s: the 25 rows on show and their reliability", counter, connection, repeats,
                async () => (await queries.RowsAsync(shownIds)).Count),
            await MeasureAsync("after", "open the page: edges, count, first page by name, its reliability", counter, connection, repeats, async () =>
            {
                await queries.EdgeChoicesAsync();
                return (await queries.PageAsync(new TerminalListFilter(), [], 0, PageSize)).Rows.Count;
            }),
            await MeasureAsync("after", "page 2 sorted by CPU load, highest first", counter, connection, repeats,
                async () => (await queries.PageAsync(new TerminalListFilter(), byCpu, 1, PageSize)).Rows.Count),
            await MeasureAsync("after", "offline terminals whose name or app contains '0001', by name", counter, connection, repeats,
                async () => (await queries.PageAsync(new TerminalListFilter(Search: "0001", Online: false), [], 0, PageSize)).Rows.Count),
            await MeasureAsync("map", "open the Coverage map: the edges, every terminal's position and activity", counter, connection, repeats,
                async () => (await map.LoadAsync()).Terminals.Count),
        };

        Console.WriteLine();
        Console.WriteLine($"{"",-7} {"what",-92} {"queries",7} {"ms",8} {"rows read",10} {"rows shown",10}");
        foreach (var run in runs) Console.WriteLine($"{run.Path,-7} {run.What,-92} {run.Queries,7} {run.MedianMs,8:0.0} {run.RowsRead,10:N0} {run.RowsShown,10:N0}");
        var before = runs[0];
        var after = runs[1];
        Console.WriteLine();
        Console.WriteLine($"Per 5 s refresh at {seededTerminals:N0} terminals: {before.Queries} queries, {before.MedianMs:0.0} ms, {before.RowsRead:N0} rows before; "
            + $"{after.Queries} queries, {after.MedianMs:0.0} ms, {after.RowsRead:N0} rows after ({before.MedianMs / after.MedianMs:0}× less time).");

        var path = await BenchResults.WriteAsync("pages", new
        {
            benchmark = "pages",
            machine = MachineDescription.Describe(),
            terminals = seededTerminals,
            participations,
            telemetryRows,
            pageSize = PageSize,
            repeats,
            measured = "per refresh: EF Core commands sent, median wall time of the whole refresh in ms, rows PostgreSQL returned to the app (Npgsql's per-statement row counts), rows the page shows; scans: per query, the scan and sort lines of EXPLAIN ANALYZE with the rows each produced",
            runs,
        });
        Console.WriteLine($"Results: {path}");
        return 0;
    }

    private static async Task<PageRefresh> MeasureAsync(string path, string what, QueryCounter counter, string connectionString, int repeats,
        Func<Task<int>> refresh)
    {
        await refresh(); // warm-up: connection, EF's query compilation, PostgreSQL's caches
        var times = new List<double>();
        (int Queries, long Rows, IReadOnlyList<SentCommand> Commands) figures = (0, 0, []);
        var shown = 0;
        for (var i = 0; i < repeats; i++)
        {
            counter.Reset();
            var stopwatch = Stopwatch.StartNew();
            shown = await refresh();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            figures = counter.Read();
        }
        times.Sort();
        var plans = new List<IReadOnlyList<string>>();
        foreach (var command in figures.Commands) plans.Add(await QueryPlans.ScansAsync(connectionString, command));
        var run = new PageRefresh(path, what, figures.Queries, Math.Round(times[times.Count / 2], 2), figures.Rows, shown, plans);
        Console.WriteLine($"  {path,-6} {what}: {run.Queries} queries, {run.MedianMs:0.0} ms, {run.RowsRead:N0} rows read");
        foreach (var line in plans.SelectMany(p => p)) Console.WriteLine($"           {line}");
        return run;
    }
}

/// <summary>One kind of refresh: its figures, and per query the scans in PostgreSQL's plan with the rows each produced.</summary>
internal sealed record PageRefresh(string Path, string What, int Queries, double MedianMs, long RowsRead, int RowsShown, IReadOnlyList<IReadOnlyList<string>> Scans);
