namespace FedDashboard.Core.Learning.Aggregation;

/// <summary>Each element's median over the results that trained it; the mean of the middle two for an even count.</summary>
public sealed class CoordinateMedian : CoordinateStatistic
{
    protected override double Of(Span<float> values) => Median.Of(values);
}
