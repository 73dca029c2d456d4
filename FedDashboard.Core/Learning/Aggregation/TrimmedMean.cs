namespace FedDashboard.Core.Learning.Aggregation;

/// <summary>
/// Each element's mean after dropping the ⌊β·n⌋ lowest and the ⌊β·n⌋ highest of the n values of the results that
/// trained it; β below one half always leaves at least one value.
/// </summary>
public sealed class TrimmedMean : CoordinateStatistic
{
    private readonly double _trimFraction;

    public TrimmedMean(double trimFraction)
    {
        if (!(trimFraction is >= 0 and < 0.5))
            throw new ArgumentOutOfRangeException(nameof(trimFraction), trimFraction, "The trimmed fraction at each end is from 0 to below 0.5.");
        _trimFraction = trimFraction;
    }

    private int TrimCount(int n) =>
        // β·n in binary can land just below a whole number (0.29 × 100 = 28.999…), which floor would cut to the one below.
        (int)Math.Floor(_trimFraction * n + 1e-9);

    protected override double Of(Span<float> values)
    {
        values.Sort();
        var trim = TrimCount(values.Length);
        var sum = 0.0;
        foreach (var value in values[trim..^trim]) sum += value;
        return sum / (values.Length - 2 * trim);
    }
}
