namespace FedDashboard.Bench;

/// <summary>Repeated measurements of one operation, in milliseconds.</summary>
internal sealed record Timings(double MedianMs, double P95Ms)
{
    public static Timings Of(List<double> milliseconds)
    {
        milliseconds.Sort();
        return new Timings(Rank(milliseconds, 0.5), Rank(milliseconds, 0.95));
    }

    // Nearest rank: a value that was actually measured, never an interpolation between two.
    private static double Rank(List<double> sorted, double quantile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}
