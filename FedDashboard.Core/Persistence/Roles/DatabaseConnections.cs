using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace FedDashboard.Core.Persistence.Roles;

/// <summary>
/// The app's connection (<c>ConnectionStrings:Fed</c>) and, when given, the owner's (<c>ConnectionStrings:FedOwner</c>),
/// which is used only at start: migrations, Hangfire's schema and the app role's grants. Without an owner the app's
/// connection does everything, as on a server where the operator has one credential.
/// </summary>
public sealed record DatabaseConnections(string App, string? Owner)
{
    public const string AppKey = "Fed";
    public const string OwnerKey = "FedOwner";

    /// <summary>The connection that changes the schema.</summary>
    public string Migrator => Owner ?? App;

    public string MigratorKey => Owner is null ? AppKey : OwnerKey;

    public static DatabaseConnections From(IConfiguration configuration)
    {
        var app = configuration.GetConnectionString(AppKey);
        if (string.IsNullOrWhiteSpace(app))
            throw new StartupException($"ConnectionStrings:{AppKey} is not set. Use ./fed run (it starts a private PostgreSQL), or set ConnectionStrings__{AppKey} to your server.");
        var owner = configuration.GetConnectionString(OwnerKey);
        var connections = new DatabaseConnections(app, string.IsNullOrWhiteSpace(owner) ? null : owner);
        connections.CheckRoles();
        return connections;
    }

    /// <summary>The role the app connects as (needed by name for its grants).</summary>
    public string AppRole => Parse(App, AppKey).Username ?? "";

    /// <summary>Where a connection points, without its password: safe for messages and logs.</summary>
    public static string Describe(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        return $"Host={target.Host};Port={target.Port};Database={target.Database};Username={target.Username}";
    }

    private void CheckRoles()
    {
        if (Owner is null) return;
        var app = Parse(App, AppKey);
        var owner = Parse(Owner, OwnerKey);
        if (string.IsNullOrWhiteSpace(app.Username))
            throw new StartupException($"ConnectionStrings:{AppKey} names no role (Username=...); with ConnectionStrings:{OwnerKey} set, the app's role is granted its privileges by name.");
        if (string.Equals(app.Username, owner.Username, StringComparison.Ordinal))
            throw new StartupException($"ConnectionStrings:{AppKey} and ConnectionStrings:{OwnerKey} both connect as role '{app.Username}'; give the app a role of its own that owns nothing, or leave ConnectionStrings:{OwnerKey} out.");
        if (!string.Equals(app.Database, owner.Database, StringComparison.Ordinal))
            throw new StartupException($"ConnectionStrings:{AppKey} ({Describe(App)}) and ConnectionStrings:{OwnerKey} ({Describe(Owner)}) must name the same database.");
    }

    private static NpgsqlConnectionStringBuilder Parse(string connectionString, string key)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            // The exception's message may quote the string, password included; name the key only.
            throw new StartupException($"ConnectionStrings:{key} is not a valid PostgreSQL connection string.", exception);
        }
    }
}
