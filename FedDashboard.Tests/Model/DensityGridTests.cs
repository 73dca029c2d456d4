using FedDashboard.Core.Domain.Topology.Coverage;

namespace FedDashboard.Tests.Model;

public sealed class DensityGridTests
{

    [Fact]
    public void CellOf_APoint_IsTheCellItLiesIn_CountedFromTheLowerLeft()
    {
        var grid = new DensityGrid(1000); // 40 cells of 25 units

        Assert.Equal(new MapCell(Column: 1, Row: 39), grid.CellOf(37, 990));
        Assert.Equal(new MapCell(0, 0), grid.CellOf(0, 24.99));
        Assert.Equal(new MapCell(1, 1), grid.CellOf(25, 25));
    }

    [Fact]
    public void CellOf_OnOrPastTheBorder_CountsInTheBorderCell()
    {
        var grid = new DensityGrid(1000);

        Assert.Equal(new MapCell(DensityGrid.Cells - 1, 0), grid.CellOf(1000, -3));
    }

    [Fact]
    public void Count_AFleet_CountsSumToItsTerminalsAndEachLandsInItsCell()
    {
        var grid = new DensityGrid(1000);
        var random = new Random(3);
        var terminals = Enumerable.Range(1, 5_000).Select(_ => (X: random.NextDouble() * 1000, Y: random.NextDouble() * 1000)).Append((37, 990)).ToList();

        var counts = DensityGrid.Table(grid.Count(terminals));

        Assert.Equal(terminals.Count, counts.Sum(row => row.Sum(n => n ?? 0)));
        Assert.Equal(DensityGrid.Cells, counts.Length);
        Assert.All(counts, row => Assert.Equal(DensityGrid.Cells, row.Length));
        var expected = terminals.Count(t => grid.CellOf(t.X, t.Y) == new MapCell(1, 39));
        Assert.Equal(expected, counts[39][1]);
    }

    [Fact]
    public void Count_AnEmptyCell_IsNullSoTheMapShowsThrough()
    {
        var counts = DensityGrid.Table(new DensityGrid(1000).Count([(10, 10)]));

        Assert.Equal(1, counts[0][0]);
        Assert.Null(counts[0][1]);
    }
}
