namespace FedDashboard.Model;

/// <summary>Days picked in the browser's calendar, taken as UTC days: a period starts at its first day's midnight and includes its last day.</summary>
public static class PickedDays
{
    public static DateTimeOffset? Start(DateTime? day) => day is { } d ? new DateTimeOffset(d.Date, TimeSpan.Zero) : null;

    public static DateTimeOffset? EndOf(DateTime? day) => day is { } d ? new DateTimeOffset(d.Date.AddDays(1), TimeSpan.Zero) : null;

    /// <summary>Why the picked days make no period, in the words of the pickers (the last day included), or null.</summary>
    public static string? Problem(DateTime? from, DateTime? to) => from is { } f && to is { } t && f.Date > t.Date
        ? $"The period is inverted: the first day ({f:yyyy-MM-dd}) is after the last day ({t:yyyy-MM-dd})."
        : null;
}
