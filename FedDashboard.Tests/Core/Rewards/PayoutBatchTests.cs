using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Rewards;

public sealed class PayoutBatchTests
{
    private static PayoutBatch Pending() => new(new(null, null, null, null), "EUR", 3, 7m, "olivia", TestData.Now);

    [Fact]
    public void Constructor_NoEntries_Refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => new PayoutBatch(new(null, null, null, null), "EUR", 0, 0m, "olivia", TestData.Now));

        Assert.StartsWith("No unpaid entries match", error.Message);
    }

    [Fact]
    public void Constructor_NegativeTotal_Refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => new PayoutBatch(new(null, null, null, null), "EUR", 2, -0.5m, "olivia", TestData.Now));

        Assert.Equal("The unpaid entries add up to -0.5 EUR; a payout batch cannot pay a negative total.", error.Message);
    }

    [Theory]
    [InlineData("olivia")]
    [InlineData("OLIVIA")]
    public void Approve_ByItsCreator_RefusedAndStaysPending(string approver)
    {
        var batch = Pending();

        Assert.Throws<ConflictException>(() => batch.Approve(approver, null, TestData.Now));

        Assert.Equal(PayoutBatchStatus.Pending, batch.Status);
    }

    [Fact]
    public void Approve_CommentTooLong_RefusedAndStaysPending()
    {
        var batch = Pending();

        var error = Assert.Throws<InvalidInputException>(() => batch.Approve("arthur", new string('x', 1001), TestData.Now));

        Assert.Equal("A comment has at most 1000 characters (was 1001).", error.Message);
        Assert.Equal((PayoutBatchStatus.Pending, null), (batch.Status, batch.DecidedBy));
    }

    [Fact]
    public void Approve_Rejected_RefusedSayingTheEntriesAreFreeAgain()
    {
        var batch = Pending();
        batch.Reject("arthur", "split by edge", TestData.Now);

        var error = Assert.Throws<ConflictException>(() => batch.Approve("abby", null, TestData.Now));

        Assert.Contains("rejected (its entries are unpaid again and can go into a new batch)", error.Message);
    }

    [Fact]
    public void EveryStep_OnAPaidBatch_RefusedAndNothingChanges()
    {
        var batch = Pending();
        batch.Approve("arthur", "ok", TestData.Now);
        batch.MarkPaid("olivia", "SEPA-1", TestData.Now);

        Assert.Throws<ConflictException>(() => batch.Approve("abby", null, TestData.Now));
        Assert.Throws<ConflictException>(() => batch.Reject("abby", "late", TestData.Now));
        Assert.Throws<ConflictException>(() => batch.MarkPaid("abby", "SEPA-2", TestData.Now));

        Assert.Equal((PayoutBatchStatus.Paid, "arthur", "ok", "olivia", "SEPA-1"), (batch.Status, batch.DecidedBy, batch.DecisionComment, batch.PaidBy, batch.PaymentReference));
    }
}
