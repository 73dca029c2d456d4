using FedDashboard.Core.Domain.Security;
using Npgsql;
using System.Text;

namespace FedDashboard.Core.Persistence.Roles;

/// <summary>
/// Gives the app's role exactly the privileges of <see cref="AppRolePrivileges"/>, as the owner, at every start after
/// the migrations: revoke everything, grant by the rule, in one transaction so a running node never sees a gap.
/// Idempotent; nodes starting together take turns (concurrent GRANTs on one table fail otherwise).
/// </summary>
internal static class AppRoleGrants
{
    private const long LockKey = 0x4665_6447_7261_6e74; // "FedGrant"

    public static async Task ApplyAsync(NpgsqlConnection owner, string appRole, IReadOnlyList<TablePrivileges> tables, string hangfireSchema, CancellationToken ct)
    {
        await using var transaction = await owner.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(Script(TablePrivileges.Quote(appRole), tables, TablePrivileges.Quote(hangfireSchema)), owner, transaction);
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static string Script(string app, IReadOnlyList<TablePrivileges> tables, string hangfire)
    {
        var schemas = string.Join(", ", tables.Select(t => TablePrivileges.Quote(t.Schema)).Distinct());
        var sql = new StringBuilder($"""
            SELECT pg_advisory_xact_lock({LockKey});
            GRANT USAGE ON SCHEMA {schemas}, {hangfire} TO {app};
            REVOKE ALL ON ALL TABLES IN SCHEMA {schemas} FROM {app};
            GRANT SELECT ON ALL TABLES IN SCHEMA {schemas} TO {app};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schemas} TO {app};

            """);
        foreach (var table in tables)
            sql.AppendLine($"GRANT {table.GrantList} ON {table.QualifiedName} TO {app};");
        // Hangfire's schema is its own bookkeeping (queues, locks, counters): it inserts, updates and expires rows everywhere.
        sql.AppendLine($"""
            REVOKE ALL ON ALL TABLES IN SCHEMA {hangfire} FROM {app};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {hangfire} TO {app};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {hangfire} TO {app};
            """);
        // A table created outside a start (e.g. `dotnet ef database update` while nodes run) is readable and writable
        // at once; the next start narrows it to the rule.
        sql.AppendLine($"""
            ALTER DEFAULT PRIVILEGES IN SCHEMA {schemas} GRANT SELECT, INSERT ON TABLES TO {app};
            ALTER DEFAULT PRIVILEGES IN SCHEMA {schemas} GRANT USAGE, SELECT ON SEQUENCES TO {app};
            """);
        return sql.ToString();
    }
}
