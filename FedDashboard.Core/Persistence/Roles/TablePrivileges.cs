using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Simulation;


namespace FedDashboard.Core.Persistence.Roles;

/// <summary>The privileges the app role holds on one table; UPDATE only on <see cref="UpdatableColumns"/> when there are any.</summary>
internal sealed record TablePrivileges(string Schema, string Table, IReadOnlyList<string> Privileges, IReadOnlyList<string> UpdatableColumns)
{
    public string QualifiedName => $"{Quote(Schema)}.{Quote(Table)}";

    /// <summary>For GRANT: e.g. <c>SELECT, INSERT, UPDATE ("Status", "PaidAt")</c>.</summary>
    public string GrantList => string.Join(", ", Privileges.Select(p =>
        p == "UPDATE" && UpdatableColumns.Count > 0 ? $"UPDATE ({string.Join(", ", UpdatableColumns.Select(Quote))})" : p));

    /// <summary>Each privilege to check, with its column when it is granted per column.</summary>
    public IEnumerable<(string Privilege, string? Column)> Checks => Privileges.SelectMany(p =>
        p == "UPDATE" && UpdatableColumns.Count > 0 ? UpdatableColumns.Select(c => (p, (string?)c)) : [(p, (string?)null)]);

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";
}
