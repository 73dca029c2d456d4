using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Payout batches through the real service on PostgreSQL, over ledger lines written as the rewarding step writes them:
/// job A has entries on 1, 15 and 10 November (the last in USD) and 2 December, job B one on 20 November.
/// <see cref="TestData.Operator"/> makes batches, <see cref="TestData.Approver"/> decides on them.
/// </summary>
public sealed class PayoutBatchesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset November = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PayoutScope InNovember = new(November, November.AddMonths(1), null, null);

    private FedTestHost _host = null!;
    private int _edge1, _edge2, _jobA, _jobB;
    private RewardEntry _nov1 = null!, _nov15 = null!, _nov20 = null!, _dec2 = null!;

    private PayoutBatches Batches => _host.Get<PayoutBatches>();

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        var launcher = _host.Get<JobLauncher>();
        var roundA = await _host.StartRoundByHandAsync((await launcher.LaunchAsync("payouts A", TestData.Settings())).Id);
        var roundB = await _host.StartRoundByHandAsync((await launcher.LaunchAsync("payouts B", TestData.Settings())).Id);
        (_jobA, _jobB) = (roundA.JobId, roundB.JobId);
        await using var db = _host.Db();
        var edges = await db.EdgeServers.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        var terminals = await db.Terminals.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        (_edge1, _edge2) = (edges[0], edges[1]);
        _nov1 = await db.AddRewardAsync(_jobA, roundA.Id, terminals[0], _edge1, 1m, November.AddHours(10));
        _nov15 = await db.AddRewardAsync(_jobA, roundA.Id, terminals[1], _edge2, 2m, November.AddDays(14));
        await db.AddRewardAsync(_jobA, roundA.Id, terminals[2], _edge1, 16m, November.AddDays(9), currency: "USD");
        _nov20 = await db.AddRewardAsync(_jobB, roundB.Id, terminals[0], _edge1, 4m, November.AddDays(19));
        _dec2 = await db.AddRewardAsync(_jobA, roundA.Id, terminals[3], _edge1, 8m, November.AddMonths(1).AddDays(1));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<List<long>> LiveEntryIdsAsync(int batchId)
    {
        await using var db = _host.Db();
        return await db.PayoutBatchItems.Where(i => i.BatchId == batchId && !i.Released).OrderBy(i => i.EntryId).Select(i => i.EntryId).ToListAsync();
    }

    private async Task<PayoutBatch> StoredAsync(int batchId)
    {
        await using var db = _host.Db();
        return await db.PayoutBatches.AsNoTracking().SingleAsync(b => b.Id == batchId);
    }

    private async Task<List<AuditEntry>> PayoutAuditAsync(AuditOutcome outcome) =>
        [.. (await _host.AuditAsync(outcome)).Where(e => e.Subject == AuditSubject.PayoutBatch)];

    private async Task AssertNothingStoredAsync()
    {
        await using var db = _host.Db();
        Assert.Equal(0, await db.PayoutBatches.CountAsync());
        Assert.Equal(0, await db.PayoutBatchItems.CountAsync());
        Assert.Empty(await PayoutAuditAsync(AuditOutcome.Done));
    }

    private Task<PayoutBatch> NovemberBatchAsync() => Batches.CreateAsync(TestData.Operator, InNovember, "EUR");

    private async Task<PayoutBatch> PaidBatchAsync()
    {
        var batch = await NovemberBatchAsync();
        await Batches.ApproveAsync(TestData.Approver, batch.Id, null);
        return await Batches.MarkPaidAsync(TestData.Operator, batch.Id, "SEPA-2026-11");
    }

    private static async Task<Exception?> FailureOfAsync(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Fact]
    public async Task CreateAsync_ByPeriod_TakesTheUnpaidEntriesOfThePeriodInTheCurrency()
    {
        var batch = await NovemberBatchAsync();

        var stored = await StoredAsync(batch.Id);
        Assert.Equal((PayoutBatchStatus.Pending, 3, 7m, "EUR", "olivia"), (stored.Status, stored.EntryCount, stored.Total, stored.Currency, stored.CreatedBy));
        Assert.Equal(InNovember, stored.Scope);
        Assert.Equal([_nov1.Id, _nov15.Id, _nov20.Id], await LiveEntryIdsAsync(batch.Id));
    }

    [Fact]
    public async Task CreateAsync_ByEdge_TakesOnlyThatEdgesEntries()
    {
        var batch = await Batches.CreateAsync(TestData.Operator, new(null, null, _edge1, null), "EUR");

        Assert.Equal([_nov1.Id, _nov20.Id, _dec2.Id], await LiveEntryIdsAsync(batch.Id));
        Assert.Equal(13m, batch.Total);
    }

    [Fact]
    public async Task CreateAsync_ByJob_TakesOnlyThatJobsEntries()
    {
        var batch = await Batches.CreateAsync(TestData.Operator, new(null, null, null, _jobB), "EUR");

        Assert.Equal([_nov20.Id], await LiveEntryIdsAsync(batch.Id));
    }

    [Fact]
    public async Task CreateAsync_SomeEntriesInALiveBatch_TakesOnlyTheOthers()
    {
        await NovemberBatchAsync();

        var batch = await Batches.CreateAsync(TestData.Operator, new(null, null, null, null), "EUR");

        Assert.Equal([_dec2.Id], await LiveEntryIdsAsync(batch.Id));
    }

    [Fact]
    public async Task CreateAsync_NoUnpaidEntryMatches_RefusedAndNothingStored()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Batches.CreateAsync(TestData.Operator, new(November.AddYears(1), November.AddYears(1).AddMonths(1), null, null), "EUR"));

        Assert.StartsWith("No unpaid entries match", error.Message);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(-1, "The period ends (2026-10-31 00:00 UTC) before it starts (2026-11-01 00:00 UTC).")]
    [InlineData(0, "The period is empty: it ends where it starts (2026-11-01 00:00 UTC), and its end is not included.")]
    public async Task CreateAsync_InvertedOrEmptyPeriod_RefusedAndNothingStored(int days, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Batches.CreateAsync(TestData.Operator, new(November, November.AddDays(days), null, null), "EUR"));

        Assert.Equal(message, error.Message);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData(null)]
    public async Task CreateAsync_InvalidCurrency_RefusedAndNothingStored(string? currency)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Batches.CreateAsync(TestData.Operator, InNovember, currency));

        Assert.Equal($"The currency is a three-letter ISO 4217 code such as EUR (was '{currency}').", error.Message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task CreateAsync_UnknownEdgeAndJob_RefusedNamingBothAndNothingStored()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Batches.CreateAsync(TestData.Operator, new(null, null, 9999, 8888), "EUR"));

        Assert.Equal("There is no edge 9999. There is no job 8888.", error.Message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task CreateAsync_CorrectionsMakeTheTotalNegative_RefusedAndNothingStored()
    {
        await using (var db = _host.Db()) await db.AddCorrectionAsync(_dec2, -10m, _dec2.CreatedAt.AddHours(1));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Batches.CreateAsync(TestData.Operator, new(November.AddMonths(1), null, null, null), "EUR"));

        Assert.Equal("The unpaid entries add up to -2 EUR; a payout batch cannot pay a negative total.", error.Message);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Approver)]
    public async Task CreateAsync_WithoutOperatorRole_RefusedAuditedAndNothingStored(string role)
    {
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Batches.CreateAsync(Actor.User("sam", role), InNovember, "EUR"));

        Assert.Equal("sam may not create a payout batch without the operator role.", error.Message);
        await AssertNothingStoredAsync();
        var refusal = Assert.Single(await PayoutAuditAsync(AuditOutcome.Refused));
        Assert.Equal(("sam", AuditAction.PayoutBatchCreated, "new"), (refusal.Actor, refusal.Action, refusal.SubjectId));
    }

    [Fact]
    public async Task CreateAsync_TwoOperatorsAtOnceOverTheSameEntries_OneBatchAndTheOtherToldTheyWereBatchedMeanwhile()
    {
        // Both creations count the same entries, then meet where they write the items.
        await using var gate = await LockWaiters.HoldAsync(_host.ConnectionString, "LOCK TABLE \"PayoutBatchItems\" IN EXCLUSIVE MODE");
        var first = NovemberBatchAsync();
        var second = Batches.CreateAsync(Actor.User("otto", Roles.Operator), InNovember, "EUR");
        await gate.UntilWaitingAsync(2);
        await gate.ReleaseAsync();

        var failures = await Task.WhenAll(FailureOfAsync(first), FailureOfAsync(second));

        var failure = Assert.IsType<ConflictException>(Assert.Single(failures.OfType<Exception>()));
        Assert.Equal("Some of these entries were batched meanwhile by someone else; nothing was stored. Check the preview and try again.", failure.Message);
        await using var db = _host.Db();
        var batch = await db.PayoutBatches.SingleAsync();
        Assert.Equal([_nov1.Id, _nov15.Id, _nov20.Id], await LiveEntryIdsAsync(batch.Id));
        Assert.Equal(3, await db.PayoutBatchItems.CountAsync());
        Assert.Equal(batch.Id.ToString(), Assert.Single(await PayoutAuditAsync(AuditOutcome.Done)).SubjectId);
    }

    [Fact]
    public async Task CreateAsync_HundredThousandEntries_OneBatchHoldingEveryOne()
    {
        await using (var connection = new NpgsqlConnection(_host.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO "RewardEntries" ("Kind", "JobId", "RoundId", "TerminalId", "EdgeId", "Amount", "Currency", "Note", "CreatedBy", "CreatedAt", "CorrectsEntryId")
                SELECT 'Correction', e."JobId", e."RoundId", e."TerminalId", e."EdgeId", 0.0001, 'CHF', 'bulk', 'test', e."CreatedAt", e."Id"
                FROM "RewardEntries" e, generate_series(1, 100000) WHERE e."Id" = @id
                """, connection);
            insert.Parameters.AddWithValue("id", _nov1.Id);
            await insert.ExecuteNonQueryAsync();
        }

        var batch = await Batches.CreateAsync(TestData.Operator, InNovember, "CHF");

        Assert.Equal((100_000, 10m), (batch.EntryCount, batch.Total));
        await using var db = _host.Db();
        Assert.Equal(100_000, await db.PayoutBatchItems.CountAsync(i => i.BatchId == batch.Id && !i.Released));
    }

    [Fact]
    public async Task EveryStep_CreateApprovePay_AuditedWithTheStateBeforeAndAfter()
    {
        var batch = await NovemberBatchAsync();
        await Batches.ApproveAsync(TestData.Approver, batch.Id, " checked against the ledger ");
        await Batches.MarkPaidAsync(TestData.Operator, batch.Id, " SEPA-2026-11 ");

        var audit = await PayoutAuditAsync(AuditOutcome.Done);
        Assert.Equal([AuditAction.PayoutBatchCreated, AuditAction.PayoutBatchApproved, AuditAction.PayoutBatchPaid], audit.Select(e => e.Action));
        Assert.Equal(["olivia", "arthur", "olivia"], audit.Select(e => e.Actor));
        Assert.All(audit, e => Assert.Equal(batch.Id.ToString(), e.SubjectId));
        Assert.Null(audit[0].Before);
        Assert.Equal(PayoutBatchStatus.Pending, AuditReading.State<PayoutBatchState>(audit[0].After)!.Status);
        Assert.Equal(PayoutBatchStatus.Pending, AuditReading.State<PayoutBatchState>(audit[1].Before)!.Status);
        Assert.Equal(("arthur", "checked against the ledger"), (AuditReading.State<PayoutBatchState>(audit[1].After)!.DecidedBy, audit[1].Detail));
        var paid = AuditReading.State<PayoutBatchState>(audit[2].After)!;
        Assert.Equal((PayoutBatchStatus.Paid, "olivia", "SEPA-2026-11"), (paid.Status, paid.PaidBy, paid.PaymentReference));
        var stored = await StoredAsync(batch.Id);
        Assert.Equal(("SEPA-2026-11", "checked against the ledger"), (stored.PaymentReference, stored.DecisionComment));
    }

    [Fact]
    public async Task ApproveAsync_ByItsCreatorWithApproverRole_RefusedAuditedAndStaysPending()
    {
        var batch = await NovemberBatchAsync();

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Batches.ApproveAsync(TestData.OperatorWhoApproves, batch.Id, "mine is fine"));

        Assert.Equal($"olivia may not approve payout batch {batch.Id}, which they made themselves.", error.Message);
        Assert.Equal(PayoutBatchStatus.Pending, (await StoredAsync(batch.Id)).Status);
        var refusal = Assert.Single(await PayoutAuditAsync(AuditOutcome.Refused));
        Assert.Equal(("olivia", AuditAction.PayoutBatchApproved, batch.Id.ToString(), error.Message), (refusal.Actor, refusal.Action, refusal.SubjectId, refusal.Detail));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Administrator)]
    public async Task ApproveAsync_WithoutApproverRole_RefusedAuditedAndStaysPending(string role)
    {
        var batch = await NovemberBatchAsync();

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Batches.ApproveAsync(Actor.User("sam", role), batch.Id, null));

        Assert.Equal($"sam may not approve payout batch {batch.Id} without the approver role.", error.Message);
        Assert.Equal(PayoutBatchStatus.Pending, (await StoredAsync(batch.Id)).Status);
        Assert.Equal("sam", Assert.Single(await PayoutAuditAsync(AuditOutcome.Refused)).Actor);
    }

    [Fact]
    public async Task ApproveAsync_UnknownBatch_NotFound()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => Batches.ApproveAsync(TestData.Approver, 4711, null));

        Assert.Equal("There is no payout batch 4711.", error.Message);
    }

    [Fact]
    public async Task RejectAsync_WithReason_ReleasesTheEntriesForANewBatch()
    {
        var rejected = await NovemberBatchAsync();

        await Batches.RejectAsync(TestData.Approver, rejected.Id, "split it by edge");
        var next = await NovemberBatchAsync();

        Assert.Equal(PayoutBatchStatus.Rejected, (await StoredAsync(rejected.Id)).Status);
        Assert.Empty(await LiveEntryIdsAsync(rejected.Id));
        Assert.Equal([_nov1.Id, _nov15.Id, _nov20.Id], await LiveEntryIdsAsync(next.Id));
        var audit = await PayoutAuditAsync(AuditOutcome.Done);
        Assert.Equal(("split it by edge", PayoutBatchStatus.Rejected), (audit[1].Detail, AuditReading.State<PayoutBatchState>(audit[1].After)!.Status));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task RejectAsync_WithoutReason_RefusedAndStaysPendingWithItsEntries(string? reason)
    {
        var batch = await NovemberBatchAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Batches.RejectAsync(TestData.Approver, batch.Id, reason));

        Assert.Equal("A rejection needs a reason, so the operator knows what to batch instead.", error.Message);
        Assert.Equal(PayoutBatchStatus.Pending, (await StoredAsync(batch.Id)).Status);
        Assert.Equal(3, (await LiveEntryIdsAsync(batch.Id)).Count);
    }

    [Fact]
    public async Task ApproveAsync_TwoDecisionsAtOnce_OneStandsAndTheOtherIsAConflict()
    {
        var batch = await NovemberBatchAsync();
        await using (var gate = await LockWaiters.HoldAsync(_host.ConnectionString, $"SELECT 1 FROM \"PayoutBatches\" WHERE \"Id\" = {batch.Id} FOR UPDATE"))
        {
            var approve = Batches.ApproveAsync(TestData.Approver, batch.Id, null);
            var reject = Batches.RejectAsync(Actor.User("abby", Roles.Approver), batch.Id, "too early");
            await gate.UntilWaitingAsync(2);
            await gate.ReleaseAsync();

            var failures = await Task.WhenAll(FailureOfAsync(approve), FailureOfAsync(reject));

            var failure = Assert.IsType<ConflictException>(Assert.Single(failures.OfType<Exception>()));
            Assert.Equal($"Payout batch {batch.Id} changed meanwhile; reload to see where it stands.", failure.Message);
        }
        var stored = await StoredAsync(batch.Id);
        var decision = Assert.Single(await PayoutAuditAsync(AuditOutcome.Done), e => e.Action != AuditAction.PayoutBatchCreated);
        Assert.Equal(stored.DecidedBy, decision.Actor);
        Assert.Equal(stored.Status == PayoutBatchStatus.Approved ? 3 : 0, (await LiveEntryIdsAsync(batch.Id)).Count);
    }

    [Fact]
    public async Task MarkPaidAsync_PendingBatch_RefusedAsIllegalAndStaysPending()
    {
        var batch = await NovemberBatchAsync();

        var error = await Assert.ThrowsAsync<ConflictException>(() => Batches.MarkPaidAsync(TestData.Operator, batch.Id, "SEPA-1"));

        Assert.Equal($"Payout batch {batch.Id} is pending approval; only an approved batch can be marked paid.", error.Message);
        Assert.Equal(PayoutBatchStatus.Pending, (await StoredAsync(batch.Id)).Status);
    }

    [Theory]
    [InlineData(" ", "Marking a batch paid needs the payment's reference.")]
    [InlineData(null, "Marking a batch paid needs the payment's reference.")]
    [InlineData("R", "A payment reference has at most 200 characters (was 201).")]
    public async Task MarkPaidAsync_ReferenceMissingOrTooLong_RefusedAndStaysApproved(string? reference, string message)
    {
        var batch = await NovemberBatchAsync();
        await Batches.ApproveAsync(TestData.Approver, batch.Id, null);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Batches.MarkPaidAsync(TestData.Approver, batch.Id, reference == "R" ? new string('R', 201) : reference));

        Assert.Equal(message, error.Message);
        Assert.Equal(PayoutBatchStatus.Approved, (await StoredAsync(batch.Id)).Status);
    }

    [Fact]
    public async Task MarkPaidAsync_AsViewer_RefusedAndAudited()
    {
        var batch = await NovemberBatchAsync();
        await Batches.ApproveAsync(TestData.Approver, batch.Id, null);

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Batches.MarkPaidAsync(TestData.Viewer, batch.Id, "SEPA-1"));

        Assert.Equal($"vera may not mark payout batch {batch.Id} paid without the operator or approver role.", error.Message);
        Assert.Equal(AuditAction.PayoutBatchPaid, Assert.Single(await PayoutAuditAsync(AuditOutcome.Refused)).Action);
    }

    [Fact]
    public async Task PaidBatch_EveryFurtherStep_RefusedAndNothingChanges()
    {
        var batch = await PaidBatchAsync();

        var steps = new Func<Task>[]
        {
            () => Batches.ApproveAsync(TestData.Approver, batch.Id, null),
            () => Batches.RejectAsync(TestData.Approver, batch.Id, "wrong account"),
            () => Batches.MarkPaidAsync(TestData.Approver, batch.Id, "SEPA-again"),
        };

        foreach (var step in steps)
            Assert.Equal($"Payout batch {batch.Id} is paid and can no longer change.", (await Assert.ThrowsAsync<ConflictException>(step)).Message);
        var stored = await StoredAsync(batch.Id);
        Assert.Equal((PayoutBatchStatus.Paid, "SEPA-2026-11"), (stored.Status, stored.PaymentReference));
        Assert.Equal(3, (await LiveEntryIdsAsync(batch.Id)).Count);
        Assert.Equal(3, (await PayoutAuditAsync(AuditOutcome.Done)).Count);
    }

    [Theory]
    [InlineData("""UPDATE "PayoutBatches" SET "PaymentReference" = 'forged' WHERE "Id" = @id""", "is paid and can no longer change")]
    [InlineData("""UPDATE "PayoutBatchItems" SET "Released" = TRUE WHERE "BatchId" = @id""", "is paid and can no longer change")]
    [InlineData("""DELETE FROM "PayoutBatchItems" WHERE "BatchId" = @id""", "are never deleted")]
    public async Task PaidBatch_RawSqlChange_RefusedByTheDatabase(string sql, string refusal)
    {
        var batch = await PaidBatchAsync();
        await using var connection = new NpgsqlConnection(_host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", batch.Id);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains(refusal, error.MessageText);
        Assert.Equal("SEPA-2026-11", (await StoredAsync(batch.Id)).PaymentReference);
        Assert.Equal(3, (await LiveEntryIdsAsync(batch.Id)).Count);
    }
}
