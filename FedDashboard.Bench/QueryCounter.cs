using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace FedDashboard.Bench;

/// <summary>
/// Counts the commands EF Core sends and the rows PostgreSQL returns for them, between <see cref="Reset"/> and
/// <see cref="Read"/>, and keeps the commands themselves so that their plans can be shown.
/// </summary>
internal sealed class QueryCounter : DbCommandInterceptor
{
    private readonly Lock _gate = new();
    private readonly List<SentCommand> _commands = [];
    private long _rows;

    public void Reset()
    {
        lock (_gate) _commands.Clear();
        Interlocked.Exchange(ref _rows, 0);
    }

    public (int Queries, long Rows, IReadOnlyList<SentCommand> Commands) Read()
    {
        lock (_gate) return (_commands.Count, Interlocked.Read(ref _rows), [.. _commands]);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        var sent = new SentCommand(command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]);
        lock (_gate) _commands.Add(sent);
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

/// <summary>A command as EF Core sent it, with copies of its parameters.</summary>
internal sealed record SentCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);
