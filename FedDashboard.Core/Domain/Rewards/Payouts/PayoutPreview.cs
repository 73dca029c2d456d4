using FedDashboard.Core.Domain.Policies;


namespace FedDashboard.Core.Domain.Rewards.Payouts;

/// <summary>
/// What a batch of a scope would take now (how many unpaid entries, what total), or why it cannot be made: each error
/// names its field as <see cref="PayoutScope"/> does ("From", "To", "EdgeId", "JobId") or "Currency", and
/// <see cref="SelectionField"/> for the entries as a whole (none match, a negative total).
/// </summary>
public sealed record PayoutPreview(IReadOnlyList<PolicyError> Errors, int Count, decimal Total)
{
    public const string SelectionField = "Selection";

    public bool CanCreate => Errors.Count == 0;

    /// <summary>Every error in one sentence, as the service refuses a batch it cannot make.</summary>
    public string Reason => string.Join(" ", Errors.Select(e => e.Message));
}
