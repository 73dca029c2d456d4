using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Rewards.Reports;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;

namespace FedDashboard.Bench;

/// <summary>
/// The rewards ledger at scale: the real rewarding of completed rounds (every terminal's result accepted), then the
/// dashboard's own CSV and XLSX exports of the whole ledger to files as it grows 10× and 100×. The target is that an
/// export's memory stays flat: its peak retained heap and peak resident set at 10× the entries are at most
/// <see cref="FlatFactor"/> times the peaks before.
/// Each export runs several times and reports the median of each figure: one peak depends on when the collector ran.
/// </summary>
internal static class LedgerBenchmark
{
    private const double FlatFactor = 1.5;

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var terminals = args.PositiveInteger("terminals", 1_000);
        var rounds = args.PositiveInteger("rounds", 100);
        var growTo = args.Integer("grow-to", 1_000_000);
        var repeats = args.PositiveInteger("repeat", 3);
        var small = terminals * Math.Max(1, rounds / 10);
        if (growTo != 0 && growTo <= terminals * rounds) throw new ArgumentException($"--grow-to must exceed the {terminals * rounds:N0} rewarded entries, or be 0 (was {growTo}).");

        Console.WriteLine($"Ledger benchmark: {terminals:N0} terminals × {rounds} rounds rewarded by RoundRewarding, exports of the whole ledger at {small:N0}, {terminals * rounds:N0}{(growTo > 0 ? $" and {growTo:N0}" : "")} entries, each export {repeats}× (medians)");
        Console.WriteLine($"Machine: {MachineDescription.Describe()}");
        await using var host = await BenchHost.StartAsync("ledger", terminals, runWorkers: false);
        var services = host.Services;
        var seed = new LedgerSeed(services.GetRequiredService<IDbContextFactory<FedDbContext>>(), services.GetRequiredService<Core.Orchestration.Training.JobLauncher>());
        var output = Directory.CreateTempSubdirectory("fed-bench-ledger");

        var seeding = Stopwatch.StartNew();
        var jobId = await seed.LaunchJobAsync();
        var roundIds = await seed.CompletedRoundsAsync(jobId, 1, rounds);
        Console.WriteLine($"Seeded {roundIds.Count} completed rounds with {roundIds.Count * terminals:N0} accepted results in {seeding.Elapsed.TotalSeconds:0.0} s (not measured).");

        var rewarding = services.GetRequiredService<RoundRewarding>();
        var rewardTime = TimeSpan.Zero;
        var exports = new List<LedgerExportRun>();
        var firstTenth = roundIds.Count / 10;
        rewardTime += await RewardAsync(rewarding, roundIds[..Math.Max(firstTenth, 1)]);
        exports.AddRange(await ExportBothAsync(services, output, repeats));
        rewardTime += await RewardAsync(rewarding, roundIds[Math.Max(firstTenth, 1)..]);
        var rewarded = await CountAsync(services);
        Console.WriteLine($"Rewarded {rewarded:N0} results in {rewardTime.TotalSeconds:0.0} s: {rewarded / rewardTime.TotalSeconds:N0} rewards/s ({rewardTime.TotalMilliseconds / roundIds.Count:0} ms per round of {terminals:N0}).");
        exports.AddRange(await ExportBothAsync(services, output, repeats));
        if (growTo > 0)
        {
            seeding.Restart();
            await seed.GrowLedgerAsync(jobId, growTo);
            Console.WriteLine($"Grew the ledger to {growTo:N0} lines in {seeding.Elapsed.TotalSeconds:0.0} s (not measured).");
            exports.AddRange(await ExportBothAsync(services, output, repeats));
        }
        output.Delete(recursive: true);

        Console.WriteLine();
        var ratios = LedgerTable.Print(exports, FlatFactor);
        var met = ratios.All(r => r.Met);
        Console.WriteLine(met
            ? $"Target met: every export's peak memory at 10× the entries is at most {FlatFactor}× the peak before."
            : $"Target MISSED: some export's peak memory grew more than {FlatFactor}× with 10× the entries.");

        var path = await BenchResults.WriteAsync("ledger", new
        {
            benchmark = "ledger",
            machine = MachineDescription.Describe(),
            terminals,
            rounds,
            repeats,
            rewarding = new
            {
                results = rewarded,
                seconds = Math.Round(rewardTime.TotalSeconds, 2),
                rewardsPerSecond = Math.Round(rewarded / rewardTime.TotalSeconds),
                msPerRound = Math.Round(rewardTime.TotalMilliseconds / roundIds.Count, 1),
            },
            memory = "median over the repeats of the peaks over the export, each minus its value after a full, aggressive (memory-releasing) GC just before, sampled every 2 ms: retained (managed heap as each collection left it, GCMemoryInfo.HeapSizeBytes), RSS (process working set), allocated (GC.GetTotalMemory, including objects not yet collected; not judged: mostly the young-generation budget the collector picks from the process's history)",
            exports,
            target = new { flatFactor = FlatFactor, met },
            ratios,
        });
        Console.WriteLine($"Results: {path}");
        return met ? 0 : 1;
    }

    private static async Task<TimeSpan> RewardAsync(RoundRewarding rewarding, IEnumerable<int> roundIds)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var roundId in roundIds) await rewarding.RewardAsync(roundId);
        return stopwatch.Elapsed;
    }

    private static async Task<int> CountAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FedDbContext>>().CreateDbContextAsync();
        return await db.RewardEntries.CountAsync();
    }

    private static async Task<LedgerExportRun[]> ExportBothAsync(IServiceProvider services, DirectoryInfo output, int repeats)
    {
        var entries = await CountAsync(services);
        return
        [
            await ExportMedianAsync(services, output, entries, "csv", LedgerExport.WriteCsvAsync, repeats),
            await ExportMedianAsync(services, output, entries, "xlsx", LedgerExport.WriteXlsxAsync, repeats),
        ];
    }

    private static async Task<LedgerExportRun> ExportMedianAsync(IServiceProvider services, DirectoryInfo output, int entries, string format,
        Func<IAsyncEnumerable<LedgerRow>, Stream, CancellationToken, Task> write, int repeats)
    {
        var runs = new List<LedgerExportRun>();
        for (var i = 0; i < repeats; i++) runs.Add(await ExportAsync(services, output, entries, format, write));
        var median = runs[0] with
        {
            Seconds = Median(runs, r => r.Seconds),
            Memory = new(Median(runs, r => r.Memory.AllocatedMb), Median(runs, r => r.Memory.RetainedMb), Median(runs, r => r.Memory.RssMb)),
        };
        Console.WriteLine($"  {format,-4} {entries,9:N0} entries: median {median.Seconds:0.0} s, {Peaks(median.Memory)}");
        return median;
    }

    private static string Peaks(MemoryPeaks m) => $"peak +{m.RetainedMb:0.0} MB retained, +{m.RssMb:0.0} MB RSS (+{m.AllocatedMb:0.0} MB allocated)";

    private static double Median(List<LedgerExportRun> runs, Func<LedgerExportRun, double> figure)
    {
        var sorted = runs.Select(figure).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The whole ledger through the export endpoints' own query and writer, to a file instead of a response.</summary>
    private static async Task<LedgerExportRun> ExportAsync(IServiceProvider services, DirectoryInfo output, int entries, string format,
        Func<IAsyncEnumerable<LedgerRow>, Stream, CancellationToken, Task> write)
    {
        var path = Path.Combine(output.FullName, $"ledger-{entries}.{format}");
        long written = 0;
        var probe = MemoryProbe.Start();
        var stopwatch = Stopwatch.StartNew();
        await using (var db = await services.GetRequiredService<IDbContextFactory<FedDbContext>>().CreateDbContextAsync())
        await using (var file = File.Create(path))
        {
            await write(Counted(LedgerExport.Rows(db, db.RewardEntries.AsNoTracking()), () => written++), file, CancellationToken.None);
        }
        var elapsed = stopwatch.Elapsed;
        var memory = probe.Stop();
        if (written != entries) throw new InvalidOperationException($"The {format} export wrote {written:N0} rows of a ledger of {entries:N0}.");
        var run = new LedgerExportRun(entries, format, written, elapsed.TotalSeconds, new FileInfo(path).Length, memory);
        Console.WriteLine($"  {format,-4} {entries,9:N0} entries: {run.Seconds,6:0.0} s, {run.RowsPerSecond,7:N0} rows/s, {run.FileBytes / 1048576.0,6:0.0} MB file, {Peaks(memory)}");
        return run;
    }

    private static async IAsyncEnumerable<LedgerRow> Counted(IAsyncEnumerable<LedgerRow> rows, Action count)
    {
        await foreach (var row in rows)
        {
            count();
            yield return row;
        }
    }
}
