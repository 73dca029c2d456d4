using FedDashboard.Core.Hosting.Nodes;
using FedDashboard.Core.Simulation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting;

/// <summary>
/// Runs the simulated fleet: one <see cref="FleetEngine"/> tick every TickSeconds on the leading node only, since the
/// fleet is one set of devices. A node that stops leading forgets the fleet; one that starts leading picks it up where
/// the edges last heard of it. Hosting, not Simulation: the simulated devices know nothing of nodes.
/// </summary>
public sealed class FleetSimulator(
    FleetEngine engine,
    ILeadership leadership,
    IOptions<SimulationOptions> options,
    TimeProvider clock,
    ILogger<FleetSimulator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.TickSeconds);
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!leadership.IsLeader)
            {
                engine.Forget();
                continue;
            }
            try
            {
                var started = clock.GetTimestamp();
                await engine.TickAsync(clock.GetUtcNow(), stoppingToken);
                var took = clock.GetElapsedTime(started);
                if (took > interval)
                    logger.LogWarning("A fleet tick took {Seconds:0.00} s, more than the {Interval} s between ticks: the fleet moves and reports less often than configured.", took.TotalSeconds, interval.TotalSeconds);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "A fleet tick failed; the next tick tries again.");
            }
        }
    }
}
