using FedDashboard.Core.Live;
using FedDashboard.Core.Options;
using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Topology;

/// <summary>
/// The simulated fleet's telemetry: each tick, CPU load wanders around a per-terminal level, batteries
/// drain (faster under load) and recharge when low, and now and then a terminal drops off the network.
/// </summary>
public sealed class FleetSimulator(
    IDbContextFactory<FedDbContext> dbFactory,
    ILivePublisher live,
    IOptions<FleetOptions> options,
    TimeProvider clock,
    ILogger<FleetSimulator> logger) : BackgroundService
{
    private readonly Random _random = new(options.Value.Seed);
    private readonly HashSet<int> _charging = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TickSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "A fleet telemetry tick failed; the next tick tries again.");
            }
        }
    }

    public async Task TickAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var terminals = await db.Terminals.ToListAsync(ct);
        var training = await db.RoundParticipants
            .Where(p => p.Status == ParticipantStatus.Training)
            .Select(p => p.TerminalId)
            .ToHashSetAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var terminal in terminals) Step(terminal, training.Contains(terminal.Id), now);
        await db.SaveChangesAsync(ct);

        var online = terminals.Where(t => t.Online).ToList();
        await live.PublishAsync(new FleetTick(
            terminals.Count,
            online.Count,
            online.Count(t => t.InCoverage),
            training.Count,
            online.Count == 0 ? 0 : online.Average(t => t.CpuLoad),
            online.Count == 0 ? 0 : online.Max(t => t.CpuLoad),
            terminals.Count == 0 ? 0 : terminals.Average(t => t.Battery),
            now));
    }

    private void Step(Terminal terminal, bool isTraining, DateTimeOffset now)
    {
        var baseline = 0.15 + 0.1 * (terminal.Id % 5);
        var load = terminal.CpuLoad + 0.3 * (baseline - terminal.CpuLoad) + 0.08 * (_random.NextDouble() - 0.5) * 2;
        if (isTraining) load = Math.Max(load, 0.6);
        load = Math.Clamp(load, 0, 1);

        if (terminal.Battery < 0.15) _charging.Add(terminal.Id);
        else if (terminal.Battery > 0.95) _charging.Remove(terminal.Id);
        var battery = _charging.Contains(terminal.Id)
            ? terminal.Battery + 0.02
            : terminal.Battery - 0.001 - 0.004 * load;
        battery = Math.Clamp(battery, 0, 1);

        var online = terminal.Online ? _random.NextDouble() > 0.003 : _random.NextDouble() < 0.1;
        var memory = Math.Clamp(terminal.FreeMemoryMb + _random.Next(-64, 65), 256, 8192);
        terminal.ReportTelemetry(load, battery, memory, online || isTraining, now);
    }
}
