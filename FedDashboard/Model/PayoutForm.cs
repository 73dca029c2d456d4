using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Rewards.Payouts;


namespace FedDashboard.Model;

/// <summary>
/// The create form: a period of whole days in UTC, both included as on the Rewards page, an edge and a job or any, and a
/// currency; with the preview Core gave for it, whose errors show at their fields.
/// </summary>
public sealed class PayoutForm
{
    public PickedDays Days { get; set; } = new();
    public int? EdgeId { get; set; }
    public int? JobId { get; set; }
    public string Currency { get; set; } = "";

    public PayoutPreview? Preview { get; set; }

    /// <summary>This month so far, in the ledger's most used currency.</summary>
    public static PayoutForm ThisMonth(DateTimeOffset now, IReadOnlyList<string> currencies) => new()
    {
        Days = new(new DateTime(now.UtcDateTime.Year, now.UtcDateTime.Month, 1), now.UtcDateTime.Date),
        Currency = currencies.FirstOrDefault() ?? "EUR",
    };

    public PayoutScope Scope => new(Days.Start, Days.End, EdgeId, JobId);

    /// <summary>An inverted pick is said in the pickers' words (the last day included) rather than in the scope's bounds.</summary>
    public string? ErrorFor(string field) =>
        (field == nameof(PayoutScope.To) ? Days.Problem : null) ?? Preview?.Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public IEnumerable<PolicyError> SelectionErrors => Preview?.Errors.Where(e => e.Field == PayoutPreview.SelectionField) ?? [];
}
