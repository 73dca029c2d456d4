using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Rewards.Payouts;


namespace FedDashboard.Core.Domain.Rewards.Payouts;

/// <summary>
/// Unpaid ledger entries grouped for one payment: made by an operator, approved or rejected by an approver who did
/// not make it, then marked paid with the payment's reference, after which nothing about it changes (the database
/// refuses it too). The items are written and released set-based by <see cref="PayoutBatches"/>, so a batch of
/// 100,000 entries never loads them.
/// </summary>
public sealed class PayoutBatch
{
    public const int MaxCommentLength = 1000;
    public const int MaxReferenceLength = 200;

    /// <summary>The inputs' names in requests and on pages, for a refusal shown at its field.</summary>
    public const string CommentField = "comment", ReferenceField = "reference";

    private PayoutBatch() => Currency = CreatedBy = "";

    /// <param name="entryCount">How many unpaid entries the batch takes.</param>
    /// <param name="total">What they add up to.</param>
    public PayoutBatch(PayoutScope scope, string currency, int entryCount, decimal total, string createdBy, DateTimeOffset at)
    {
        if (SelectionProblem(entryCount, total, currency) is { } problem) throw new InvalidInputException(problem);
        Scope = scope;
        Currency = currency;
        EntryCount = entryCount;
        Total = total;
        CreatedBy = createdBy;
        CreatedAt = at;
        Status = PayoutBatchStatus.Pending;
    }

    /// <summary>Why a selection of entries cannot be a batch, or null when it can.</summary>
    public static string? SelectionProblem(int entryCount, decimal total, string currency) =>
        entryCount == 0 ? "No unpaid entries match: every entry of this period, edge and job in this currency is paid or in a batch already."
        : total < 0 ? $"The unpaid entries add up to {total:0.####} {currency}; a payout batch cannot pay a negative total."
        : null;

    public int Id { get; private set; }
    public PayoutScope Scope { get; private set; } = new(null, null, null, null);
    public string Currency { get; private set; }
    public decimal Total { get; private set; }
    public int EntryCount { get; private set; }
    public PayoutBatchStatus Status { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionComment { get; private set; }
    public string? PaidBy { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The payment's reference (a bank transfer, a payment provider's id), given when it is marked paid.</summary>
    public string? PaymentReference { get; private set; }

    public uint Version { get; private set; }

    public void Approve(string approver, string? comment, DateTimeOffset at)
    {
        Decide(approver, comment, at);
        Status = PayoutBatchStatus.Approved;
    }

    /// <summary>Rejects the batch; its entries are then released (unpaid again) by whoever stores the rejection.</summary>
    public void Reject(string approver, string? reason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new InvalidInputException("A rejection needs a reason, so the operator knows what to batch instead.", CommentField);
        Decide(approver, reason, at);
        Status = PayoutBatchStatus.Rejected;
    }

    public void MarkPaid(string by, string? reference, DateTimeOffset at)
    {
        EnsureOpen();
        if (Status != PayoutBatchStatus.Approved) throw new ConflictException($"Payout batch {Id} is {Describe(Status)}; only an approved batch can be marked paid.");
        var trimmed = TextInput.Required(reference, MaxReferenceLength, ReferenceField, "A payment reference", "Marking a batch paid needs the payment's reference.");
        Status = PayoutBatchStatus.Paid;
        PaidBy = by;
        PaidAt = at;
        PaymentReference = trimmed;
    }

    private void Decide(string approver, string? comment, DateTimeOffset at)
    {
        EnsureOpen();
        if (Status != PayoutBatchStatus.Pending) throw new ConflictException($"Payout batch {Id} is {Describe(Status)}; only a pending batch can be approved or rejected.");
        if (string.Equals(approver, CreatedBy, StringComparison.OrdinalIgnoreCase))
            throw new ConflictException($"{approver} made payout batch {Id} and cannot decide on it; another approver must.");
        var trimmed = TextInput.Optional(comment, MaxCommentLength, CommentField, "A comment");
        DecidedBy = approver;
        DecidedAt = at;
        DecisionComment = trimmed;
    }

    private void EnsureOpen()
    {
        if (Status == PayoutBatchStatus.Paid) throw new ConflictException($"Payout batch {Id} is paid and can no longer change.");
    }

    private static string Describe(PayoutBatchStatus status) => status switch
    {
        PayoutBatchStatus.Pending => "pending approval",
        PayoutBatchStatus.Approved => "approved",
        PayoutBatchStatus.Rejected => "rejected (its entries are unpaid again and can go into a new batch)",
        _ => "paid",
    };
}
