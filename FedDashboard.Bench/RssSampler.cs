namespace FedDashboard.Bench;

/// <summary>Samples another process's resident set every few milliseconds and keeps the peak since the last <see cref="TakePeak"/>.</summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public RssSampler(Func<long> read, TimeSpan interval)
    {
        _sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            do
            {
                var value = read();
                if (value > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, value);
            } while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        });
    }

    /// <summary>The highest resident set seen since the previous call, in MiB; the next period starts now.</summary>
    public double TakePeak() => Interlocked.Exchange(ref _peak, 0) / 1048576.0;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sampling;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
