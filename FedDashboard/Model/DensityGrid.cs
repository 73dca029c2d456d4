namespace FedDashboard.Model;

/// <summary>
/// The square map cut into <see cref="Cells"/> × <see cref="Cells"/> equal cells: the coverage map of a fleet too big for a
/// marker each shows how many terminals each cell holds. A position on or past the map's border counts in the border cell.
/// </summary>
public sealed class DensityGrid(double mapSize)
{
    public const int Cells = 40;

    public double CellSize { get; } = mapSize / Cells;

    public MapCell CellOf(double x, double y) => new(Index(x), Index(y));

    /// <summary>Counts per cell as Plotly's heatmap takes them: one row per y, from the bottom; null where a cell is empty, so the map shows through.</summary>
    public int?[][] Count(IEnumerable<MapTerminal> terminals)
    {
        var counts = new int[Cells, Cells];
        foreach (var terminal in terminals)
        {
            var cell = CellOf(terminal.X, terminal.Y);
            counts[cell.Row, cell.Column]++;
        }
        return [.. Enumerable.Range(0, Cells).Select(row => Enumerable.Range(0, Cells).Select(column => counts[row, column] is > 0 and var n ? n : (int?)null).ToArray())];
    }

    /// <summary>The centres of the cells along one axis, in map units.</summary>
    public IReadOnlyList<double> Centres() => [.. Enumerable.Range(0, Cells).Select(i => (i + 0.5) * CellSize)];

    public bool Contains(MapCell cell, double x, double y) => CellOf(x, y) == cell;

    private int Index(double coordinate) => Math.Clamp((int)Math.Floor(coordinate / CellSize), 0, Cells - 1);
}

/// <summary>One cell of a <see cref="DensityGrid"/>, counted from the map's lower left corner.</summary>
public readonly record struct MapCell(int Column, int Row);
