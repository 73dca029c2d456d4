using System.Diagnostics;
using System.Runtime;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Bench;

/// <summary>
/// The product's start of a round, end to end with its database: the step a Hangfire worker runs (idle terminals read,
/// edges' selections, the round and its participants saved, each assignment handed to the fleet's training queue), over
/// a fleet of <c>terminals</c> rows in a throw-away database: agents, which poll for their work, or the simulated
/// fleet, which costs a Hangfire job per assignment as well. Between starts the round is marked completed, so each start
/// selects from the whole fleet again, as in a job that runs round after round.
/// </summary>
internal static class RoundStartWorkload
{
    private const int QuietStarts = 5;
    private const int MostWarmUpStarts = 400;

    public sealed record Result(int Terminals, Timings Timings, int InCoverage, int Assigned, double SeedSeconds, WarmUp WarmUp);

    /// <param name="Settled">Whether the JIT settled; if not, the figures include unoptimized code.</param>
    public sealed record WarmUp(int Starts, long MethodsCompiled, bool Settled);

    public static async Task<Result> MeasureAsync(int terminals, TerminalOrigin origin, int warmup, int starts)
    {
        await using var host = await BenchHost.StartAsync("roundstart", terminals: Math.Min(terminals, 100), runWorkers: false);
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<FedDbContext>>();
        var seeding = Stopwatch.StartNew();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await SeededTerminals.FillToAsync(db, terminals, origin);
            // The host seeded its simulated fleet first; a fleet of agents has none, and each simulated terminal
            // selected would cost the start a Hangfire job.
            if (origin == TerminalOrigin.Agent)
                await db.Terminals.ExecuteUpdateAsync(s => s.SetProperty(t => t.Origin, TerminalOrigin.Agent));
            await db.Database.ExecuteSqlRawAsync("""VACUUM ANALYZE "Terminals" """);
        }
        seeding.Stop();
        var job = await host.Services.GetRequiredService<JobLauncher>()
            .LaunchAsync("round start benchmark", new TrainingSettings(), JobPolicy.Default, Actor.System);
        var starter = host.Services.GetRequiredService<RoundStarter>();

        var warmedUp = await WarmUpAsync(starter, dbFactory, job.Id, warmup);
        var times = new List<double>(starts);
        var assigned = 0;
        for (var i = 0; i < starts; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await starter.StartNextRoundAsync(job.Id);
            stopwatch.Stop();
            assigned = await CompleteLatestRoundAsync(dbFactory, job.Id);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        await using var counting = await dbFactory.CreateDbContextAsync();
        var inCoverage = await counting.Terminals.CountAsync(t => t.Online && t.EdgeId != null);
        return new Result(terminals, Timings.Of(times), inCoverage, assigned, seeding.Elapsed.TotalSeconds, warmedUp);
    }

    /// <summary>
    /// Starts rounds until the process has stopped compiling: at least <paramref name="least"/>, then until
    /// <see cref="QuietStarts"/> starts in a row compiled no method. A server that starts rounds all day runs the
    /// optimized code; until the JIT settles, a start runs partly unoptimized code and shares two cores with the JIT (at
    /// 10,000 terminals a start measured after 2 warm-up starts took 82–102 ms, and 52–55 ms once about 130 starts had
    /// settled it).
    /// </summary>
    /// <returns>How many starts it took and how many methods were compiled meanwhile.</returns>
    private static async Task<WarmUp> WarmUpAsync(RoundStarter starter, IDbContextFactory<FedDbContext> dbFactory, int jobId, int least)
    {
        var compiledBefore = JitInfo.GetCompiledMethodCount();
        var compiled = compiledBefore;
        var quiet = 0;
        var count = 0;
        while (count < least || (quiet < QuietStarts && count < MostWarmUpStarts))
        {
            await starter.StartNextRoundAsync(jobId);
            await CompleteLatestRoundAsync(dbFactory, jobId);
            count++;
            var now = JitInfo.GetCompiledMethodCount();
            quiet = now == compiled ? quiet + 1 : 0;
            compiled = now;
        }
        return new WarmUp(count, compiled - compiledBefore, quiet >= QuietStarts);
    }

    /// <summary>Ends the round just started as if all its terminals reported; says how many it assigned.</summary>
    private static async Task<int> CompleteLatestRoundAsync(IDbContextFactory<FedDbContext> dbFactory, int jobId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var round = await db.Rounds.Where(r => r.JobId == jobId).OrderByDescending(r => r.Number).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException("The round start saved no round: no terminal of the seeded fleet was selectable.");
        var assigned = await db.RoundParticipants
            .Where(p => p.RoundId == round.Id && p.Status == ParticipantStatus.Assigned)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ParticipantStatus.Reported));
        await db.Rounds.Where(r => r.Id == round.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Phase, RoundPhase.Completed).SetProperty(r => r.EndedAt, DateTimeOffset.UtcNow));
        return assigned;
    }
}
