using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Hosting.Liveness;

/// <summary>Runs a piece of work every period on the host's clock; a failed run is logged and the next one tries again.</summary>
public abstract class PeriodicWork(TimeSpan period, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected ILogger Logger { get; } = logger;

    /// <summary>What the work is, for the log.</summary>
    protected abstract string What { get; }

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Logger.LogError(exception, "{What} failed; the next run tries again.", What);
            }
        }
    }
}
