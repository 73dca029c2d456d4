namespace FedDashboard.Core.Domain.Strategies.Planning;

/// <summary>
/// Capacity score to model width, widest first. Widths must shrink down the list so each narrower model nests
/// inside the wider ones and all still aggregate into one global model (HeteroFL).
/// </summary>
public sealed class WidthTiers
{
    private readonly WidthTier[] _tiers;

    public WidthTiers(IReadOnlyList<WidthTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (Problems(tiers).FirstOrDefault() is { } problem) throw new ArgumentException(problem, nameof(tiers));
        _tiers = [.. tiers];
    }

    /// <summary>Each rule the tiers break, naming the tier and what is allowed; empty when they nest properly.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<WidthTier> tiers)
    {
        if (tiers.Count == 0)
        {
            yield return "At least one width tier is needed.";
            yield break;
        }
        for (var i = 0; i < tiers.Count; i++)
        {
            var (minScore, width) = tiers[i];
            if (!(minScore is >= 0 and <= 1)) yield return $"Tier {i}: MinScore must be from 0 to 1 (was {minScore}).";
            if (!(width is > 0 and <= 1)) yield return $"Tier {i}: Width must be above 0 and at most 1 (was {width}).";
            if (i == 0) continue;
            if (minScore >= tiers[i - 1].MinScore)
                yield return $"Tier {i}: MinScore {minScore} must be below tier {i - 1}'s {tiers[i - 1].MinScore}; tiers go from the highest score down.";
            if (width >= tiers[i - 1].Width)
                yield return $"Tier {i}: Width {width} must be narrower than tier {i - 1}'s {tiers[i - 1].Width} so the models nest.";
        }
        if (tiers[0].Width != 1)
            yield return $"Tier 0: Width must be 1, the full global model (was {tiers[0].Width}); otherwise part of the model is never trained.";
        if (tiers[^1].MinScore != 0)
            yield return $"Tier {tiers.Count - 1}: the last tier's MinScore must be 0 so every terminal has a tier (was {tiers[^1].MinScore}).";
    }

    /// <summary>Thirds of the score: the top third trains the full model, the middle half width, the bottom a quarter.</summary>
    public static WidthTiers Default { get; } = new([new(2.0 / 3, 1.0), new(1.0 / 3, 0.5), new(0, 0.25)]);

    /// <summary>The width of the first tier the score reaches; the narrowest for a score that reaches none (NaN).</summary>
    public double WidthFor(double score)
    {
        foreach (var tier in _tiers)
            if (score >= tier.MinScore) return tier.Width;
        return _tiers[^1].Width;
    }
}
