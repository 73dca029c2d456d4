using System.Text;
using FedDashboard.Core.Persistence.Roles;
using Npgsql;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// What a dashboard's database says about its latest rounds and its unfinished Hangfire jobs, for the message of a wait
/// that gave up: a round that never completes logs nothing, but its participants, the jobs that should move it and
/// their failed attempts do.
/// </summary>
public static class RoundStateReport
{
    public static async Task<string> DescribeAsync(string connectionString)
    {
        var report = new StringBuilder();
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await AppendAsync(connection, report, "Latest rounds (id, number, phase, started, deadline, ended):",
                """SELECT "Id", "Number", "Phase", "StartedAt", "Deadline", "EndedAt" FROM "Rounds" ORDER BY "Id" DESC LIMIT 3""");
            await AppendAsync(connection, report, "Their participants (round, terminal, origin, status, assigned, started, ended, failure):",
                """
                SELECT p."RoundId", t."Name", t."Origin", p."Status", p."AssignedAt", p."StartedAt", p."EndedAt", p."FailureReason"
                FROM "RoundParticipants" p JOIN "Terminals" t ON t."Id" = p."TerminalId"
                WHERE p."RoundId" IN (SELECT "Id" FROM "Rounds" ORDER BY "Id" DESC LIMIT 2) ORDER BY p."RoundId", p."Id"
                """);
            await AppendAsync(connection, report, "Unfinished Hangfire jobs (id, state, job, created, queue, fetched):",
                $"""
                SELECT j.id, j.statename, j.invocationdata ->> 'Type', j.createdat, q.queue, q.fetchedat
                FROM {DatabasePreparation.HangfireSchema}.job j LEFT JOIN {DatabasePreparation.HangfireSchema}.jobqueue q ON q.jobid = j.id
                WHERE j.statename IS NULL OR j.statename NOT IN ('Succeeded', 'Deleted') ORDER BY j.id DESC LIMIT 20
                """);
            await AppendAsync(connection, report, "Failed attempts, newest first (job, job type, at, exception):",
                $"""
                SELECT s.jobid, j.invocationdata ->> 'Type', s.createdat, left(s.data::text, 600)
                FROM {DatabasePreparation.HangfireSchema}.state s JOIN {DatabasePreparation.HangfireSchema}.job j ON j.id = s.jobid
                WHERE s.name = 'Failed' ORDER BY s.id DESC LIMIT 10
                """);
        }
        catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException)
        {
            report.AppendLine($"(the database could not be read: {failure.Message})");
        }
        return report.ToString();
    }

    private static async Task AppendAsync(NpgsqlConnection connection, StringBuilder report, string title, string sql)
    {
        report.AppendLine(title);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            report.AppendLine("  " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.IsDBNull(i) ? null : reader.GetValue(i)))));
    }

    private static string Text(object? value) => value switch
    {
        null => "-",
        DateTime time => time.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
