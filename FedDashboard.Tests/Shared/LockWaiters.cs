using Npgsql;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// Holds a lock in a transaction of its own so that concurrent calls line up behind it, and tells when they have: the
/// way to make two requests meet at the same step without sleeping.
/// </summary>
public sealed class LockWaiters : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private LockWaiters(string connectionString, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connectionString = connectionString;
        _connection = connection;
        _transaction = transaction;
    }

    /// <param name="lockSql">Takes the lock, e.g. <c>LOCK TABLE "X" IN EXCLUSIVE MODE</c> or <c>SELECT ... FOR UPDATE</c>.</param>
    public static async Task<LockWaiters> HoldAsync(string connectionString, string lockSql)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(lockSql, connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new LockWaiters(connectionString, connection, transaction);
    }

    /// <summary>Waits until this many other sessions of the database wait for a lock.</summary>
    /// <remarks>Asked on a connection of its own each time: a transaction sees one snapshot of pg_stat_activity.</remarks>
    public Task UntilWaitingAsync(int sessions) =>
        Eventually.WaitForAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            return (long)(await command.ExecuteScalarAsync())! >= sessions ? "" : null;
        }, TimeSpan.FromSeconds(60), $"{sessions} sessions waiting for the lock");

    /// <summary>Ends the transaction without changing anything, so the waiters go on.</summary>
    public Task ReleaseAsync() => _transaction.CommitAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
