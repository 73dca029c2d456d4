using FedDashboard.Core.Domain.Rewards;


namespace FedDashboard.Model;

/// <summary>Entries keyed by the UTC day, ISO week (from Monday) or month they were made in, computed by the database.</summary>
internal static class LedgerPeriods
{
    /// <remarks>
    /// Shapes Npgsql translates: the UTC date is CAST(... AT TIME ZONE 'UTC' AS date), whole days are added to a date, and
    /// DayOfWeek counts from Sunday (0) where an ISO week starts on Monday. The period becomes a parameter of one query.
    /// </remarks>
    public static IQueryable<Keyed<DateOnly>> Keyed(IQueryable<RewardEntry> entries, ReportPeriod period) =>
        entries.Select(e => new Keyed<DateOnly>
        {
            Key = period == ReportPeriod.Day ? DateOnly.FromDateTime(e.CreatedAt.UtcDateTime)
                : period == ReportPeriod.Week ? DateOnly.FromDateTime(e.CreatedAt.UtcDateTime).AddDays(-(((int)e.CreatedAt.DayOfWeek + 6) % 7))
                : DateOnly.FromDateTime(e.CreatedAt.UtcDateTime).AddDays(1 - e.CreatedAt.Day),
            Currency = e.Currency,
            Kind = e.Kind,
            Amount = e.Amount,
        });
}
