using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// The node's cores for the simulated fleet's local training: at most <see cref="OrchestrationOptions.TrainingWorkers"/>
/// terminals train at once (libtorch's threads are shared among that many), while the other workers of the training and
/// edge queues download, upload, select and aggregate meanwhile instead of waiting behind a training for a worker.
/// </summary>
public sealed class TrainingSlots(IOptions<OrchestrationOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _free = new(options.Value.TrainingWorkers);

    /// <summary>Waits for a free slot; disposing the result gives it back.</summary>
    public async Task<IDisposable> TakeAsync(CancellationToken ct)
    {
        await _free.WaitAsync(ct);
        return new Slot(_free);
    }

    public void Dispose() => _free.Dispose();

    private sealed class Slot(SemaphoreSlim free) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) free.Release();
        }
    }
}
