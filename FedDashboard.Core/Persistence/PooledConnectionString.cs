using System.Data.Common;
using Npgsql;

namespace FedDashboard.Core.Persistence;

/// <summary>
/// The app's connection string as this node's pools (EF Core's and Hangfire's) use it, unless it sets these itself:
/// <list type="bullet">
/// <item>Npgsql prepares each statement a connection runs often (auto-prepare): a round of the 2NN benchmark runs ~720
/// statements of ~115 kinds, each parsed and planned again without it.</item>
/// <item>A node that listens for no notifications (alone on its database, see NodeOptions.Alone) does not reset a
/// connection's session when it goes back to the pool. The reset is one more statement for each of the ~400 connection
/// uses of a round of the 2NN benchmark, and guards against session state such a node does not leave: no LISTEN, and
/// its one session lock releases itself (SelectionLock).</item>
/// </list>
/// The 2NN benchmark (31 rounds, 2 cores): PostgreSQL's CPU 3.3 s → 1.7 s and the wall 10.4 s → 8.8 s with both.
/// </summary>
public static class PooledConnectionString
{
    public const int PreparedStatements = 200;

    public static string For(string connectionString, bool listens)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(given, "Max Auto Prepare", "MaxAutoPrepare")) tuned.MaxAutoPrepare = PreparedStatements;
        if (!listens && !Sets(given, "No Reset On Close", "NoResetOnClose")) tuned.NoResetOnClose = true;
        return tuned.ConnectionString;
    }

    private static bool Sets(DbConnectionStringBuilder given, params string[] names) => names.Any(given.ContainsKey);
}
