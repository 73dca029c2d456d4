using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Npgsql;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// The database as ./fed run sets it up: the real start-up migrates and grants as the owner, and the app runs as a role
/// that owns nothing. That role does the app's work, and is refused what would undo the ledger's, the audit log's or a
/// paid batch's guarantees; the triggers stay as a second wall behind the grants.
/// </summary>
public sealed class DatabaseRolesTests(DatabaseRolesTests.PaidLedger ledger) : IClassFixture<DatabaseRolesTests.PaidLedger>
{
    /// <summary>A host started with two roles, a ledger written and a batch approved and paid, all as the app role.</summary>
    public sealed class PaidLedger : IAsyncLifetime
    {
        public FedTestHost Host { get; private set; } = null!;
        public PayoutBatch PaidBatch { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await FedTestHost.StartAsync(runWorkers: false, withRoles: true);
            var arrangement = await LedgerArrangement.CreateAsync(Host.AppConnectionString);
            var batches = Host.Get<PayoutBatches>();
            await batches.ApproveAsync(TestData.Approver, arrangement.Batch.Id, null);
            PaidBatch = await batches.MarkPaidAsync(TestData.Operator, arrangement.Batch.Id, "SEPA-2026-11");
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    public static TheoryData<string> ForbiddenToTheApp => new()
    {
        """UPDATE "RewardEntries" SET "Amount" = "Amount" + 1""",
        """DELETE FROM "RewardEntries" """,
        """UPDATE "AuditEntries" SET "Actor" = 'nobody'""",
        """DELETE FROM "AuditEntries" """,
        """UPDATE "PayoutBatches" SET "Total" = "Total" * 2 WHERE "Status" = 'Paid'""",
        """UPDATE "PayoutBatches" SET "CreatedBy" = 'someone else' WHERE "Status" = 'Paid'""",
        """DELETE FROM "PayoutBatches" WHERE "Status" = 'Paid'""",
        """UPDATE "PayoutBatchItems" SET "EntryId" = "EntryId" + 1""",
        """DELETE FROM "PayoutBatchItems" """,
        """TRUNCATE "RewardEntries" """,
        """ALTER TABLE "RewardEntries" DISABLE TRIGGER ALL""",
        """ALTER TABLE "AuditEntries" DISABLE TRIGGER audit_entries_append_only""",
        """ALTER TABLE "PayoutBatches" DISABLE TRIGGER payout_batches_final""",
        """DROP TABLE "RewardEntries" """,
        """DROP TABLE "AuditEntries" """,
        """DROP TABLE "PayoutBatches" CASCADE""",
    };

    [Theory]
    [MemberData(nameof(ForbiddenToTheApp))]
    public async Task AppRole_UndoingTheRecord_IsPermissionDenied(string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(ledger.Host.AppConnectionString, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task AppRole_ReopeningAPaidBatch_IsRefusedByItsTrigger()
    {
        var sql = $"""UPDATE "PayoutBatches" SET "Status" = 'Approved', "PaidAt" = NULL WHERE "Id" = {ledger.PaidBatch.Id}""";

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(ledger.Host.AppConnectionString, sql));

        Assert.Contains("is paid and can no longer change", error.MessageText);
    }

    [Fact]
    public async Task Start_WithOwnerAndAppRoles_AppRoleOwnsNothingAndIsNoSuperuser()
    {
        const string sql = """
            SELECT (SELECT count(*) FROM pg_class WHERE relowner = r.oid)
                 + (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid)
                 + (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)
                 + (SELECT count(*) FROM pg_database WHERE datdba = r.oid) AS owned, r.rolsuper
            FROM pg_roles r WHERE r.rolname = current_user
            """;
        await using var connection = await OpenAsync(ledger.Host.AppConnectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal(0, reader.GetInt64(0));
        Assert.False(reader.GetBoolean(1));
    }

    [Fact]
    public async Task AppRole_RunningARound_TrainsAggregatesAndRewards()
    {
        var job = await ledger.Host.Get<JobLauncher>().LaunchAsync("as the app role", TestData.Settings(clientFraction: 0.25));

        var round = await ledger.Host.RunRoundByHandAsync(job.Id);

        await using var connection = await OpenAsync(ledger.Host.AppConnectionString);
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "RewardEntries" WHERE "RoundId" = @round""", connection);
        command.Parameters.AddWithValue("round", round.Id);
        Assert.True((long)(await command.ExecuteScalarAsync())! > 0);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
