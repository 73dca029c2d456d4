using FedDashboard.Core.Domain.Requests;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Requests;

public sealed class TimeLeftEstimateTests
{
    private static AccuracyPoint At(double minutes, double accuracy) => new(TestData.Now.AddMinutes(minutes), accuracy);

    [Fact]
    public void Of_RisingAccuracy_ExtendsTheRateToTheTarget() =>
        // 0.2 gained in 4 minutes: 0.05 a minute; 0.1 to go from 0.8.
        Assert.Equal(TimeSpan.FromMinutes(2), Of([At(0, 0.6), At(2, 0.7), At(4, 0.8)], 0.9));

    [Fact]
    public void Of_OneVersion_Unknown() => Assert.Null(Of([At(0, 0.6)], 0.9));

    [Fact]
    public void Of_NoGain_Unknown() => Assert.Null(Of([At(0, 0.7), At(3, 0.7)], 0.9));

    [Fact]
    public void Of_TargetReached_Zero() => Assert.Equal(TimeSpan.Zero, Of([At(0, 0.6), At(3, 0.95)], 0.9));

    private static TimeSpan? Of(AccuracyPoint[] points, double target)
    {
        var left = TimeLeftEstimate.Of(points, target);
        return left is { } value ? TimeSpan.FromSeconds(Math.Round(value.TotalSeconds, 6)) : null;
    }
}
