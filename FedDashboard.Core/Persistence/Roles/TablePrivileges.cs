namespace FedDashboard.Core.Persistence.Roles;

/// <summary>The privileges the app role holds on one table.</summary>
public sealed record TablePrivileges(string Schema, string Table, IReadOnlyList<string> Privileges)
{
    public string QualifiedName => $"{Quote(Schema)}.{Quote(Table)}";

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";
}
