using System.Globalization;

namespace FedDashboard.Model;

/// <summary>The periods the report adds rewards up by; weeks start on Monday (ISO 8601), all in UTC.</summary>
public enum ReportPeriod
{
    Day,
    Week,
    Month,
}

public static class ReportPeriodText
{
    /// <summary>A period by its first day: "2026-11" for a month, the date of the day or of the week's Monday otherwise.</summary>
    public static string Of(ReportPeriod period, DateOnly start) =>
        start.ToString(period == ReportPeriod.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
