using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Simulation;

/// <summary>Runs the simulated fleet: one <see cref="FleetEngine"/> tick every TickSeconds.</summary>
public sealed class FleetSimulator(
    FleetEngine engine,
    IOptions<SimulationOptions> options,
    TimeProvider clock,
    ILogger<FleetSimulator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TickSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await engine.TickAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "A fleet tick failed; the next tick tries again.");
            }
        }
    }
}
