namespace FedDashboard.Core.Domain.Strategies.Planning;

/// <summary>A terminal's capacity for a round, from 0 to 1: its free CPU share times its speed relative to the fastest terminal considered.</summary>
public static class CapacityScore
{
    /// <param name="fastest">The fastest measured speed among the terminals considered; while none is measured (0) speed does not count.</param>
    public static double Of(double cpuLoad, double samplesPerSecond, double fastest)
    {
        var speedShare = fastest > 0 ? samplesPerSecond / fastest : 1;
        return Math.Clamp((1 - cpuLoad) * speedShare, 0, 1);
    }
}
