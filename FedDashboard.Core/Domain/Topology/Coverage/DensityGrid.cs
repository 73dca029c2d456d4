namespace FedDashboard.Core.Domain.Topology.Coverage;

/// <summary>
/// The square map cut into <see cref="Cells"/> × <see cref="Cells"/> equal cells: the coverage map of a fleet too big for a
/// marker each shows how many terminals each cell holds. A position on or past the map's border counts in the border cell.
/// </summary>
public sealed class DensityGrid(double mapSize)
{
    public const int Cells = 40;

    public double CellSize { get; } = mapSize / Cells;

    public MapCell CellOf(double x, double y) => CellAt((long)Math.Floor(x / CellSize), (long)Math.Floor(y / CellSize));

    /// <summary>The cell at a column and row counted from the map's origin, those beyond the border in the border cell.</summary>
    public static MapCell CellAt(long column, long row) => new((int)Math.Clamp(column, 0, Cells - 1), (int)Math.Clamp(row, 0, Cells - 1));

    /// <summary>How many of <paramref name="points"/> each cell holds; only cells that hold any.</summary>
    public IReadOnlyList<CellCount> Count(IEnumerable<(double X, double Y)> points)
    {
        var counts = new int[Cells, Cells];
        foreach (var (x, y) in points)
        {
            var cell = CellOf(x, y);
            counts[cell.Row, cell.Column]++;
        }
        return [.. from row in Enumerable.Range(0, Cells) from column in Enumerable.Range(0, Cells) where counts[row, column] > 0 select new CellCount(column, row, counts[row, column])];
    }

    /// <summary>Counts per cell as Plotly's heatmap takes them: one row per y, from the bottom; null where a cell is empty, so the map shows through.</summary>
    public static int?[][] Table(IEnumerable<CellCount> counts)
    {
        var table = Enumerable.Range(0, Cells).Select(_ => new int?[Cells]).ToArray();
        foreach (var count in counts) table[count.Row][count.Column] = count.Terminals;
        return table;
    }

    /// <summary>The centres of the cells along one axis, in map units.</summary>
    public IReadOnlyList<double> Centres() => [.. Enumerable.Range(0, Cells).Select(i => (i + 0.5) * CellSize)];

    public bool Contains(MapCell cell, double x, double y) => CellOf(x, y) == cell;

    /// <summary>The cell's extent along one axis: the border cells reach to infinity, as positions past the border count in them.</summary>
    public (double From, double To) Extent(int index) =>
        (index == 0 ? double.NegativeInfinity : index * CellSize, index == Cells - 1 ? double.PositiveInfinity : (index + 1) * CellSize);
}

/// <summary>One cell of a <see cref="DensityGrid"/>, counted from the map's lower left corner.</summary>
public readonly record struct MapCell(int Column, int Row);

/// <summary>How many terminals one cell of a <see cref="DensityGrid"/> holds.</summary>
public sealed record CellCount(int Column, int Row, int Terminals);
