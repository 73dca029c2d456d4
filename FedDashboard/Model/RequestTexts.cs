using FedDashboard.Core.Orchestration.Requests;
using System.Globalization;

namespace FedDashboard.Model;

/// <summary>How the request pages say a request's progress and budget.</summary>
public static class RequestTexts
{
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "under a minute",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 2 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} days {span.Hours} h",
    };

    public static string BestAccuracy(RequestBoardRow row) =>
        $"{(row.Progress.BestAccuracy is { } best ? Percent(best) : "–")} of {Percent(row.Request.Condition.TargetAccuracy)}"
        + (row.Request.Condition.HeldOutSet is { } set ? $" on {set}" : "");

    public static string Rounds(RequestBoardRow row) => $"{row.RoundsUsed} of {row.Request.Budget.MaxRounds}";

    public static string Spend(RequestBoardRow row) => $"{Money(row.Spent)} of {Money(row.Request.Budget.MaxSpend)} {row.Currency}";

    /// <summary>Until the deadline, or how the request ended.</summary>
    public static string TimeLeft(RequestBoardRow row, DateTimeOffset now) =>
        row.UntilDeadline(now) switch
        {
            null => "ended",
            { Ticks: 0 } => "deadline passed",
            { } left => Duration(left),
        };

    public static string EstimatedTimeLeft(RequestBoardRow row) =>
        !row.Request.IsOpen ? "ended"
        : row.Progress.EstimatedTimeLeft is { } left ? (left == TimeSpan.Zero ? "target reached" : $"about {Duration(left)}") : "not known yet";

    /// <summary>As "93.5%": the invariant culture's P format puts a space before the sign.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
