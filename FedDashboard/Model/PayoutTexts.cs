using FedDashboard.Core.Domain.Rewards.Payouts;


namespace FedDashboard.Model;

/// <summary>How the payouts page words a batch's scope and amounts.</summary>
public static class PayoutTexts
{
    /// <summary>A period in UTC; an end at midnight, as the page makes them, is shown as the last day it includes.</summary>
    public static string Period(PayoutScope scope) => (scope.From, scope.To) switch
    {
        (null, null) => "any time",
        ({ } from, null) => $"from {Instant(from)}",
        (null, { } to) => $"up to {End(to)}",
        ({ } from, { } to) => $"{Instant(from)} – {End(to)}",
    };

    private static string End(DateTimeOffset to) =>
        to.UtcDateTime.TimeOfDay == TimeSpan.Zero ? $"{to.UtcDateTime.AddDays(-1):yyyy-MM-dd}" : $"before {Instant(to)}";

    /// <summary>In UTC, as the whole page; a midnight, as period bounds mostly are, by its day alone.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.TimeOfDay == TimeSpan.Zero ? $"{at.UtcDateTime:yyyy-MM-dd}" : $"{at.UtcDateTime:yyyy-MM-dd HH:mm}";

    public static string Amount(decimal amount, string currency) => $"{amount:0.00##} {currency}";
}
