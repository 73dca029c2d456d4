using FedDashboard.Core.Simulation;


namespace FedDashboard.Tests.Core.Simulation;

public sealed class RandomWaypointMobilityTests
{
    private static WaypointSettings Walking(double minSpeed = 5, double maxSpeed = 5, double pauseSeconds = 0) =>
        new(minSpeed, maxSpeed, TimeSpan.FromSeconds(pauseSeconds));

    [Fact]
    public void Advance_ManyLegsAndRests_KeepsEveryTerminalOnMap()
    {
        var mobility = RandomWaypointMobility.Scatter(500, mapSize: 100, Walking(minSpeed: 1, maxSpeed: 60, pauseSeconds: 0.5), seed: 3);

        for (var step = 0; step < 1000; step++)
        {
            mobility.Advance(TimeSpan.FromSeconds(0.7));

            Assert.All(mobility.Xs.ToArray(), x => Assert.InRange(x, 0, 100));
            Assert.All(mobility.Ys.ToArray(), y => Assert.InRange(y, 0, 100));
        }
    }

    [Fact]
    public void Advance_PartOfLeg_MovesSpeedTimesTimeTowardsWaypoint()
    {
        var mobility = new RandomWaypointMobility([0.0], [0.0], mapSize: 1000, Walking(), seed: 1);
        var (wx, wy) = (mobility.WaypointXs[0], mobility.WaypointYs[0]);
        var length = Math.Sqrt(wx * wx + wy * wy);

        mobility.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(10 * wx / length, mobility.Xs[0], 9);
        Assert.Equal(10 * wy / length, mobility.Ys[0], 9);
    }

    [Fact]
    public void Advance_LongEnoughToArrive_RestsOnWaypoint()
    {
        var mobility = new RandomWaypointMobility([0.0], [0.0], mapSize: 1000, Walking(pauseSeconds: 3600), seed: 1);
        var (wx, wy) = (mobility.WaypointXs[0], mobility.WaypointYs[0]);
        var secondsToArrive = Math.Sqrt(wx * wx + wy * wy) / 5;

        mobility.Advance(TimeSpan.FromSeconds(secondsToArrive + 60));

        Assert.Equal((wx, wy), (mobility.Xs[0], mobility.Ys[0]));
    }

    [Fact]
    public void Advance_RestOver_LeavesForNewWaypoint()
    {
        var mobility = new RandomWaypointMobility([0.0], [0.0], mapSize: 1000, Walking(pauseSeconds: 10), seed: 1);
        var (wx, wy) = (mobility.WaypointXs[0], mobility.WaypointYs[0]);
        var secondsToArrive = Math.Sqrt(wx * wx + wy * wy) / 5;

        mobility.Advance(TimeSpan.FromSeconds(secondsToArrive + 10 + 1));

        Assert.NotEqual((wx, wy), (mobility.WaypointXs[0], mobility.WaypointYs[0]));
        var (dx, dy) = (mobility.Xs[0] - wx, mobility.Ys[0] - wy);
        Assert.Equal(5, Math.Sqrt(dx * dx + dy * dy), 6);
    }

    [Fact]
    public void Advance_SameSeed_SamePath()
    {
        var first = RandomWaypointMobility.Scatter(200, mapSize: 1000, Walking(minSpeed: 1, maxSpeed: 20, pauseSeconds: 5), seed: 42);
        var second = RandomWaypointMobility.Scatter(200, mapSize: 1000, Walking(minSpeed: 1, maxSpeed: 20, pauseSeconds: 5), seed: 42);

        for (var step = 0; step < 300; step++)
        {
            first.Advance(TimeSpan.FromSeconds(1));
            second.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(first.Xs.ToArray(), second.Xs.ToArray());
        Assert.Equal(first.Ys.ToArray(), second.Ys.ToArray());
    }

    [Fact]
    public void Advance_DifferentSeed_DifferentPath()
    {
        var first = RandomWaypointMobility.Scatter(10, mapSize: 1000, Walking(), seed: 1);
        var second = RandomWaypointMobility.Scatter(10, mapSize: 1000, Walking(), seed: 2);

        first.Advance(TimeSpan.FromSeconds(10));
        second.Advance(TimeSpan.FromSeconds(10));

        Assert.NotEqual(first.Xs.ToArray(), second.Xs.ToArray());
    }

    [Fact]
    public void Constructor_PositionOutsideMap_ClampsOntoBorder()
    {
        var mobility = new RandomWaypointMobility([-20.0, 1030.0], [500.0, 1001.0], mapSize: 1000, Walking(), seed: 1);

        Assert.Equal([0.0, 1000.0], mobility.Xs.ToArray());
        Assert.Equal([500.0, 1000.0], mobility.Ys.ToArray());
    }

    [Theory]
    [InlineData(0, 5, 0)]
    [InlineData(-1, 5, 0)]
    [InlineData(5, 4, 0)]
    [InlineData(1, double.PositiveInfinity, 0)]
    [InlineData(1, 5, -1)]
    public void WaypointSettings_ImpossibleValues_Throws(double minSpeed, double maxSpeed, double pauseSeconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Walking(minSpeed, maxSpeed, pauseSeconds));
    }
}
