using FedDashboard.Core.Domain.Security;
using Npgsql;

namespace FedDashboard.Core.Persistence.Roles;

/// <summary>Before the node serves anything: the app's role holds every privilege it needs and, with a separate owner, owns nothing.</summary>
internal static class AppRoleCheck
{
    private static readonly string[] HangfirePrivileges = ["SELECT", "INSERT", "UPDATE", "DELETE"];

    /// <returns>What is wrong, or null.</returns>
    public static async Task<string?> MissingPrivilegesAsync(NpgsqlConnection app, IReadOnlyList<TablePrivileges> tables, string hangfireSchema, CancellationToken ct)
    {
        var checks = tables.SelectMany(t => t.Checks.Select(c => (Table: t.QualifiedName, c.Privilege, c.Column))).ToList();
        await using var command = new NpgsqlCommand("""
            SELECT x.t || ': ' || x.p || coalesce(' (' || x.c || ')', '') FROM unnest(@tables, @privileges, @columns) AS x(t, p, c)
            WHERE CASE WHEN to_regclass(x.t) IS NULL THEN TRUE
                       WHEN x.c IS NULL THEN NOT has_table_privilege(x.t, x.p)
                       ELSE NOT has_column_privilege(x.t, x.c, x.p) END
            UNION ALL
            SELECT format('%I.%I', schemaname, tablename) || ': ' || p FROM pg_tables, unnest(@hangfire_privileges) AS p
            WHERE schemaname = @hangfire AND NOT has_table_privilege(format('%I.%I', schemaname, tablename), p)
            UNION ALL
            SELECT 'schema ' || s || ': USAGE' FROM unnest(@schemas) AS s WHERE NOT has_schema_privilege(s, 'USAGE')
            """, app);
        command.Parameters.AddWithValue("tables", checks.Select(c => c.Table).ToArray());
        command.Parameters.AddWithValue("privileges", checks.Select(c => c.Privilege).ToArray());
        command.Parameters.Add(new NpgsqlParameter<string?[]>("columns", checks.Select(c => c.Column).ToArray()));
        command.Parameters.AddWithValue("hangfire_privileges", HangfirePrivileges);
        command.Parameters.AddWithValue("hangfire", hangfireSchema);
        command.Parameters.AddWithValue("schemas", tables.Select(t => t.Schema).Append(hangfireSchema).Distinct().ToArray());
        var missing = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) missing.Add(reader.GetString(0));
        return missing.Count == 0 ? null : string.Join(", ", missing.Take(12)) + (missing.Count > 12 ? $" and {missing.Count - 12} more" : "");
    }

    /// <returns>What the role owns or is, when that makes the protections moot; or null.</returns>
    public static async Task<string?> TooPowerfulAsync(NpgsqlConnection app, IReadOnlyList<TablePrivileges> tables, string hangfireSchema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper, (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                 WHERE n.nspname = ANY(@schemas) AND pg_has_role(r.oid, c.relowner, 'MEMBER'))::int
            FROM pg_roles r WHERE r.rolname = current_user
            """, app);
        command.Parameters.AddWithValue("schemas", tables.Select(t => t.Schema).Append(hangfireSchema).Distinct().ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (reader.GetBoolean(0)) return "is a superuser";
        var owned = reader.GetInt32(1);
        // A member of the owning role acts as the owner.
        return owned > 0 ? $"owns, or is a member of a role that owns, {owned} tables, sequences or indexes of the database" : null;
    }
}
