namespace FedDashboard.Core.Learning.Anomaly;

/// <summary>
/// How one update lies against the others of its edge's round: its size over the median size, and the cosine of its
/// direction to the median update. Null where there is nothing to compare with (too few results, or a zero median or update).
/// </summary>
public sealed record UpdateDeviation(double? NormRatio, double? Cosine)
{
    public static readonly UpdateDeviation Unknown = new(null, null);
}
