using Npgsql;

namespace FedDashboard.Bench;

/// <summary>Samples pg_stat_activity twice a second: the database's connections per application name (one per node), and their peaks.</summary>
internal sealed class ConnectionSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly Dictionary<string, int> _peaks = [];
    private int _peakTotal;

    public ConnectionSampler(string adminConnectionString, string database) => _sampling = SampleAsync(adminConnectionString, database);

    public IReadOnlyDictionary<string, int> PeakPerNode
    {
        get { lock (_peaks) return new Dictionary<string, int>(_peaks); }
    }

    public int PeakTotal => Volatile.Read(ref _peakTotal);

    private async Task SampleAsync(string adminConnectionString, string database)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        while (!_stop.IsCancellationRequested)
        {
            await using var command = new NpgsqlCommand("SELECT application_name, count(*)::int FROM pg_stat_activity WHERE datname = $1 GROUP BY 1", connection);
            command.Parameters.AddWithValue(database);
            var total = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var (name, count) = (reader.GetString(0), reader.GetInt32(1));
                    total += count;
                    lock (_peaks) _peaks[name] = Math.Max(_peaks.GetValueOrDefault(name), count);
                }
            }
            if (total > _peakTotal) Volatile.Write(ref _peakTotal, total);
            try
            {
                await Task.Delay(500, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
