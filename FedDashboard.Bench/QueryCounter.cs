using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace FedDashboard.Bench;

/// <summary>Counts the commands EF Core sends and the rows PostgreSQL returns for them, between <see cref="Reset"/> and <see cref="Read"/>.</summary>
internal sealed class QueryCounter : DbCommandInterceptor
{
    private int _queries;
    private long _rows;

    public void Reset() => (_queries, _rows) = (0, 0);

    public (int Queries, long Rows) Read() => (_queries, _rows);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _queries);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _queries);
        return ValueTask.FromResult(result);
    }

    /// <summary>Npgsql knows, once a reader is read to its end, how many rows each statement returned.</summary>
    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        CountRows(eventData.DataReader);
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        CountRows(eventData.DataReader);
        return ValueTask.FromResult(result);
    }

    private void CountRows(DbDataReader reader)
    {
        // Statements is where Npgsql tells the rows each statement of a plain command returned; the DbBatch API its
        // obsolete note points to is for batches, which EF Core does not send for these queries.
#pragma warning disable CS0618
        if (reader is NpgsqlDataReader npgsql) Interlocked.Add(ref _rows, npgsql.Statements.Sum(s => (long)s.Rows));
#pragma warning restore CS0618
    }
}
