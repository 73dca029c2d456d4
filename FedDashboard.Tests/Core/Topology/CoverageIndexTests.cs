using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Simulation;


namespace FedDashboard.Tests.Core.Topology;

public sealed class CoverageIndexTests
{
    // West and East overlap between x = 250 and x = 300; Far stands alone.
    private static readonly CoverageCircle West = new(200, 200, 100);
    private static readonly CoverageCircle East = new(350, 200, 100);
    private static readonly CoverageCircle Far = new(800, 800, 50);

    private static CoverageIndex HandPlaced() => CoverageIndex.Build([West, East, Far], mapSize: 1000);

    [Theory]
    [InlineData(150, 200, 0)]
    [InlineData(420, 230, 1)]
    [InlineData(810, 790, 2)]
    public void Locate_InsideOneCircle_ReturnsThatEdge(double x, double y, int expected)
    {
        var index = HandPlaced();

        Assert.Equal(expected, index.Locate(x, y));
    }

    [Theory]
    [InlineData(600, 600)]
    [InlineData(0, 0)]
    [InlineData(1000, 1000)]
    [InlineData(200, 301)]
    public void Locate_OutsideEveryCircle_ReturnsMinusOne(double x, double y)
    {
        var index = HandPlaced();

        Assert.Equal(-1, index.Locate(x, y));
    }

    [Theory]
    [InlineData(260, 200, 0)]
    [InlineData(290, 200, 1)]
    [InlineData(270, 150, 0)]
    public void Locate_InOverlap_ReturnsNearestCentre(double x, double y, int expected)
    {
        var index = HandPlaced();

        Assert.Equal(expected, index.Locate(x, y));
    }

    [Fact]
    public void Locate_OverlapEquidistant_ReturnsLowerIndex()
    {
        var index = HandPlaced();

        Assert.Equal(0, index.Locate(275, 200));
    }

    [Fact]
    public void Locate_OnBorder_CountsAsCovered()
    {
        var index = HandPlaced();

        Assert.Equal(2, index.Locate(850, 800));
    }

    [Fact]
    public void Locate_OffMapInsideCircleReachingPastBorder_ReturnsThatEdge()
    {
        var index = CoverageIndex.Build([new CoverageCircle(980, 20, 100)], mapSize: 1000);

        Assert.Equal(0, index.Locate(1050, -30));
    }

    [Fact]
    public void Locate_NoEdges_ReturnsMinusOne()
    {
        var index = CoverageIndex.Build(Array.Empty<CoverageCircle>(), mapSize: 1000);

        Assert.Equal(-1, index.Locate(500, 500));
    }

    [Fact]
    public void Locate_RandomPointsOnDefaultLayout_AgreesWithNearestCoveringEdgeServer()
    {
        var options = new FleetOptions();
        var edges = FleetLayout.Edges(options);
        var index = CoverageIndex.Build(edges, options.MapSize);
        var random = new Random(11);

        for (var i = 0; i < 20_000; i++)
        {
            var x = random.NextDouble() * 1200 - 100;
            var y = random.NextDouble() * 1200 - 100;

            Assert.Equal(NearestCovering(edges, x, y), index.Locate(x, y));
        }
    }

    [Fact]
    public void Locate_RandomCirclesOfMixedSizes_AgreesWithNearestCoveringEdgeServer()
    {
        var random = new Random(5);
        var edges = Enumerable.Range(0, 40)
            .Select(i => new EdgeServer($"e{i}", random.NextDouble() * 1400 - 200, random.NextDouble() * 1400 - 200, 5 + random.NextDouble() * 300))
            .ToList();
        var index = CoverageIndex.Build(edges, mapSize: 1000);

        for (var i = 0; i < 20_000; i++)
        {
            var x = random.NextDouble() * 1600 - 300;
            var y = random.NextDouble() * 1600 - 300;

            Assert.Equal(NearestCovering(edges, x, y), index.Locate(x, y));
        }
    }

    [Theory]
    [InlineData(double.NaN, 0, 10)]
    [InlineData(0, double.PositiveInfinity, 10)]
    [InlineData(0, 0, 0)]
    [InlineData(0, 0, -5)]
    public void Build_ImpossibleCircle_Throws(double x, double y, double radius)
    {
        var exception = Assert.Throws<ArgumentException>(() => CoverageIndex.Build([West, new CoverageCircle(x, y, radius)], mapSize: 1000));

        Assert.Contains("Circle 1", exception.Message);
    }

    [Fact]
    public void Update_HandMadeMoves_ReportsExactlyEnterLeaveAndMoveBetweenEdges()
    {
        var index = HandPlaced();
        double[] xs = [150, 600, 810, 420, 620];
        double[] ys = [200, 600, 790, 230, 600];
        int[] edgeOfTerminal = [-1, -1, -1, -1, -1];
        index.Update(xs, ys, edgeOfTerminal, []);
        // 0 moves inside West; 1 enters Far; 2 leaves Far; 3 moves from East into West; 4 stays outside.
        xs[0] = 160; xs[1] = 790; ys[1] = 810; xs[2] = 900; xs[3] = 200;
        var changes = new List<CoverageChange>();

        index.Update(xs, ys, edgeOfTerminal, changes);

        Assert.Equal([new CoverageChange(1, -1, 2), new CoverageChange(2, 2, -1), new CoverageChange(3, 1, 0)], changes);
        Assert.Equal([0, 2, -1, 0, -1], edgeOfTerminal);
    }

    [Fact]
    public void Update_FromUnknown_ReportsEveryEntry()
    {
        var index = HandPlaced();
        var edgeOfTerminal = new[] { -1, -1, -1 };
        var changes = new List<CoverageChange>();

        index.Update([150.0, 600.0, 420.0], [200.0, 600.0, 230.0], edgeOfTerminal, changes);

        Assert.Equal([new CoverageChange(0, -1, 0), new CoverageChange(2, -1, 1)], changes);
    }

    [Fact]
    public void Update_MismatchedLengths_Throws()
    {
        var index = HandPlaced();

        Assert.Throws<ArgumentException>(() => index.Update([1.0, 2.0], [1.0, 2.0], new int[3], []));
    }

    private static int NearestCovering(IReadOnlyList<EdgeServer> edges, double x, double y)
    {
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        for (var i = 0; i < edges.Count; i++)
        {
            var (dx, dy) = (x - edges[i].CenterX, y - edges[i].CenterY);
            var distance = dx * dx + dy * dy;
            if (edges[i].Covers(x, y) && distance < bestDistance) (best, bestDistance) = (i, distance);
        }
        return best;
    }
}
