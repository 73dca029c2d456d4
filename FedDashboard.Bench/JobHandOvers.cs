using Npgsql;

namespace FedDashboard.Bench;

/// <summary>One kind of Hangfire job in a run: how many ran, how long each waited for a worker once enqueued, and ran.</summary>
internal sealed record JobKind(string Name, int Count, double MeanWaitSeconds, double MaxWaitSeconds, double MeanRunSeconds);

/// <summary>
/// The hand-overs between a round's steps, from Hangfire's own state history (enqueued, processing, succeeded): the time
/// a job waited for a worker is wall time no step covers.
/// </summary>
internal static class JobHandOvers
{
    /// <summary>The product's Hangfire schema (DatabasePreparation.HangfireSchema, internal to Core).</summary>
    private const string Schema = "hangfire";

    /// <param name="since">Jobs created from then on: the measured job's, not a warm-up's before it.</param>
    public static async Task<IReadOnlyList<JobKind>> LoadAsync(string connectionString, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            WITH jobs AS (
                SELECT split_part(split_part(j.invocationdata->>'Type', ',', 1), '.', -1) AS kind,
                    (SELECT max(createdat) FROM {Schema}.state s WHERE s.jobid = j.id AND s.name = 'Enqueued') AS enqueued,
                    (SELECT min(createdat) FROM {Schema}.state s WHERE s.jobid = j.id AND s.name = 'Processing') AS fetched,
                    (SELECT max(createdat) FROM {Schema}.state s WHERE s.jobid = j.id AND s.name IN ('Succeeded', 'Failed', 'Deleted')) AS ended
                FROM {Schema}.job j WHERE j.createdat >= @since)
            SELECT kind, count(*)::int, coalesce(avg(extract(epoch FROM fetched - enqueued)), 0)::float8,
                coalesce(max(extract(epoch FROM fetched - enqueued)), 0)::float8, coalesce(avg(extract(epoch FROM ended - fetched)), 0)::float8
            FROM jobs WHERE fetched IS NOT NULL GROUP BY kind ORDER BY kind
            """, connection);
        command.Parameters.AddWithValue("since", since.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync();
        var kinds = new List<JobKind>();
        while (await reader.ReadAsync())
            kinds.Add(new JobKind(reader.GetString(0), reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4)));
        return kinds;
    }

    public static void Print(IReadOnlyList<JobKind> kinds)
    {
        Console.WriteLine();
        Console.WriteLine("Hand-overs (Hangfire's state history; wait = enqueued to fetched by a worker, seconds):");
        Console.WriteLine($"{"job",-26} {"count",6} {"mean wait",10} {"max wait",9} {"mean run",9}");
        foreach (var kind in kinds)
            Console.WriteLine($"{kind.Name,-26} {kind.Count,6} {kind.MeanWaitSeconds,10:0.000} {kind.MaxWaitSeconds,9:0.000} {kind.MeanRunSeconds,9:0.000}");
    }
}
