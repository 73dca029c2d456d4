using FedDashboard.Core.Domain.Rewards;


namespace FedDashboard.Model;

/// <summary>An entry's amount under the key a report adds it up by. Classes with settable members, not records, so EF can group and join on them.</summary>
internal sealed class Keyed<TKey>
{
    public required TKey Key { get; init; }
    public required string Currency { get; init; }
    public required RewardKind Kind { get; init; }
    public required decimal Amount { get; init; }
}

internal sealed class Summed<TKey>
{
    public required TKey Key { get; init; }
    public required string Currency { get; init; }
    public required int Entries { get; init; }
    public required decimal Rewarded { get; init; }
    public required decimal Corrections { get; init; }
}

internal static class LedgerSum
{
    /// <summary>Per key and currency (amounts in different currencies never add up): entries, rewards, and the corrections' signed sum.</summary>
    public static IQueryable<Summed<TKey>> By<TKey>(IQueryable<Keyed<TKey>> keyed) =>
        keyed.GroupBy(k => new { k.Key, k.Currency }).Select(g => new Summed<TKey>
        {
            Key = g.Key.Key,
            Currency = g.Key.Currency,
            Entries = g.Count(),
            Rewarded = g.Sum(k => k.Kind == RewardKind.Reward ? k.Amount : 0),
            Corrections = g.Sum(k => k.Kind == RewardKind.Correction ? k.Amount : 0),
        });
}
