using Npgsql;

namespace FedDashboard.Bench;

/// <summary>How PostgreSQL runs a command the page sent: its plan with actual rows (EXPLAIN ANALYZE), the scan lines only.</summary>
internal static class QueryPlans
{
    public static async Task<IReadOnlyList<string>> ScansAsync(string connectionString, SentCommand command)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + command.Sql, connection);
        foreach (var parameter in command.Parameters) explain.Parameters.Add(parameter.Clone());
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0).Trim());
        return [.. lines.Where(l => l.Contains("Scan", StringComparison.Ordinal) || l.StartsWith("->  Sort", StringComparison.Ordinal) || l.StartsWith("Sort", StringComparison.Ordinal))];
    }
}
