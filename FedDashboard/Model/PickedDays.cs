using FedDashboard.Core.Orchestration.Governance.Audit;


namespace FedDashboard.Model;

/// <summary>
/// A period picked as days in the browser's calendar, taken as UTC days: it starts at the first day's midnight and includes
/// the last day. The Rewards, Audit and Payouts pages pick their periods with it; an empty day leaves that end open.
/// </summary>
public sealed record PickedDays(DateTime? First = null, DateTime? Last = null)
{
    public DateTimeOffset? Start => First is { } d ? new DateTimeOffset(d.Date, TimeSpan.Zero) : null;

    /// <summary>The midnight after the last day: the period's exclusive end.</summary>
    public DateTimeOffset? End => Last is { } d ? new DateTimeOffset(d.Date.AddDays(1), TimeSpan.Zero) : null;

    /// <summary>Why the picked days make no period, in the words of the pickers (the last day included), or null.</summary>
    public string? Problem => First is { } f && Last is { } l && f.Date > l.Date
        ? $"The period is inverted: the first day ({f:yyyy-MM-dd}) is after the last day ({l:yyyy-MM-dd})."
        : null;
}
