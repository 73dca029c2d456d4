namespace FedDashboard.Core.Domain.Rewards.Payouts;

/// <summary>A payout batch as the audit log records it before and after each step.</summary>
public sealed record PayoutBatchState(int Id, PayoutBatchStatus Status, PayoutScope Scope, string Currency, decimal Total, int EntryCount,
    string CreatedBy, string? DecidedBy, string? DecisionComment, string? PaidBy, string? PaymentReference)
{
    public static PayoutBatchState Of(PayoutBatch b) =>
        new(b.Id, b.Status, b.Scope, b.Currency, b.Total, b.EntryCount, b.CreatedBy, b.DecidedBy, b.DecisionComment, b.PaidBy, b.PaymentReference);
}
