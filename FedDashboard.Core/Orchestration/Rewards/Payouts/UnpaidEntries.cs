using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FedDashboard.Core.Orchestration.Rewards.Payouts;

/// <summary>
/// The unpaid ledger entries a scope takes in one currency: one SQL condition shared by the preview and the batch's
/// INSERT ... SELECT, so the count an operator is shown and the rows a batch takes are chosen alike. Unpaid means in no
/// batch that still holds it (a rejected batch releases its entries); only entries that count are paid (a correction
/// waiting for an approver's acceptance is not); the bounds left empty do not apply.
/// </summary>
internal sealed class UnpaidEntries(PayoutScope scope, string currency)
{
    public async Task<(int Count, decimal Total)> SummarizeAsync(FedDbContext db, CancellationToken ct)
    {
        var (where, parameters) = Condition();
        // The condition is built from constants; every value travels as a parameter.
        var sql = $"""SELECT count(*)::int AS "Count", coalesce(sum(e."Amount"), 0) AS "Total" FROM "RewardEntries" e WHERE {where}""";
        var summary = await db.Database.SqlQueryRaw<Summary>(sql, parameters).SingleAsync(ct);
        return (summary.Count, summary.Total);
    }

    /// <returns>How many items were written.</returns>
    /// <exception cref="PostgresException">Another batch took one of the entries meanwhile (unique violation).</exception>
    public Task<int> InsertItemsAsync(FedDbContext db, int batchId, CancellationToken ct)
    {
        var (where, parameters) = Condition();
        // In id order, so two batches racing for the same entries meet at the first one instead of deadlocking.
        var sql = $"""
            INSERT INTO "PayoutBatchItems" ("BatchId", "EntryId", "Released")
            SELECT @batch, e."Id", FALSE FROM "RewardEntries" e WHERE {where} ORDER BY e."Id"
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [.. parameters, new NpgsqlParameter<int>("batch", batchId)], ct);
    }

    /// <summary>A fresh set of parameters each time: a parameter belongs to one command.</summary>
    private (string Where, object[] Parameters) Condition()
    {
        var conditions = new List<string>
        {
            "e.\"Currency\" = @currency",
            "NOT EXISTS (SELECT 1 FROM \"PayoutBatchItems\" i WHERE i.\"EntryId\" = e.\"Id\" AND NOT i.\"Released\")",
            CountingEntries.Sql,
        };
        var parameters = new List<object> { new NpgsqlParameter<string>("currency", currency) };
        if (scope.From is { } from) Add("e.\"CreatedAt\" >= @from", new NpgsqlParameter<DateTimeOffset>("from", from));
        if (scope.To is { } to) Add("e.\"CreatedAt\" < @to", new NpgsqlParameter<DateTimeOffset>("to", to));
        if (scope.EdgeId is { } edge) Add("e.\"EdgeId\" = @edge", new NpgsqlParameter<int>("edge", edge));
        if (scope.JobId is { } job) Add("e.\"JobId\" = @job", new NpgsqlParameter<int>("job", job));
        return (string.Join(" AND ", conditions), [.. parameters]);

        void Add(string condition, NpgsqlParameter parameter)
        {
            conditions.Add(condition);
            parameters.Add(parameter);
        }
    }

    private sealed record Summary(int Count, decimal Total);
}
