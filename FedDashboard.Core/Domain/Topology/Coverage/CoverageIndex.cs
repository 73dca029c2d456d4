namespace FedDashboard.Core.Domain.Topology.Coverage;

/// <summary>
/// Which edge covers a point: among the circles that contain it, the one with the nearest centre (the lower index
/// on a tie); -1 outside every circle. A uniform grid over the map lists, per cell, only the circles that reach the
/// cell, so a lookup tests a few circles whatever the fleet's size. Immutable once built, so safe to share between threads.
/// </summary>
public sealed class CoverageIndex
{
    // Cells about a quarter of the smallest radius across keep most cells to one or two candidates.
    private const double CellsPerSmallestRadius = 4;
    private const int MaxCellsPerSide = 1024;

    private readonly double[] _centerXs;
    private readonly double[] _centerYs;
    private readonly double[] _squaredRadii;
    private readonly int _cellsPerSide;
    private readonly double _cellSize;
    private readonly int[] _cellStarts;
    private readonly int[] _cellEdges;

    private CoverageIndex(double[] centerXs, double[] centerYs, double[] squaredRadii, int cellsPerSide, double cellSize, int[] cellStarts, int[] cellEdges)
    {
        _centerXs = centerXs;
        _centerYs = centerYs;
        _squaredRadii = squaredRadii;
        _cellsPerSide = cellsPerSide;
        _cellSize = cellSize;
        _cellStarts = cellStarts;
        _cellEdges = cellEdges;
    }

    public int EdgeCount => _centerXs.Length;

    public static CoverageIndex Build(IReadOnlyList<EdgeServer> edges, double mapSize)
    {
        ArgumentNullException.ThrowIfNull(edges);
        return Build(edges.Select(e => new CoverageCircle(e.CenterX, e.CenterY, e.Radius)).ToList(), mapSize);
    }

    /// <param name="circles">Edge i of every answer is circles[i].</param>
    /// <param name="mapSize">The side of the square map the grid spans; points off the map are still answered correctly.</param>
    public static CoverageIndex Build(IReadOnlyList<CoverageCircle> circles, double mapSize)
    {
        ArgumentNullException.ThrowIfNull(circles);
        if (!(mapSize > 0 && double.IsFinite(mapSize))) throw new ArgumentOutOfRangeException(nameof(mapSize), mapSize, "The map size must be a finite number above 0.");
        for (var i = 0; i < circles.Count; i++)
        {
            var c = circles[i];
            if (!double.IsFinite(c.CenterX) || !double.IsFinite(c.CenterY) || !(c.Radius > 0 && double.IsFinite(c.Radius)))
                throw new ArgumentException($"Circle {i} needs a finite centre and a finite radius above 0 (was {c}).", nameof(circles));
        }

        var smallestRadius = circles.Count == 0 ? mapSize : circles.Min(c => c.Radius);
        var cellsPerSide = (int)Math.Clamp(Math.Ceiling(mapSize * CellsPerSmallestRadius / smallestRadius), 1, MaxCellsPerSide);
        var cellSize = mapSize / cellsPerSide;
        var (cellStarts, cellEdges) = CoverageGrid.Fill(circles, cellsPerSide, cellSize);
        return new CoverageIndex(
            circles.Select(c => c.CenterX).ToArray(),
            circles.Select(c => c.CenterY).ToArray(),
            circles.Select(c => c.Radius * c.Radius).ToArray(),
            cellsPerSide,
            cellSize,
            cellStarts,
            cellEdges);
    }

    /// <returns>The index of the covering edge with the nearest centre, or -1 when no edge covers the point.</returns>
    public int Locate(double x, double y)
    {
        var cell = CoverageGrid.Cell(y, _cellSize, _cellsPerSide) * _cellsPerSide + CoverageGrid.Cell(x, _cellSize, _cellsPerSide);
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        for (var k = _cellStarts[cell]; k < _cellStarts[cell + 1]; k++)
        {
            var edge = _cellEdges[k];
            var dx = x - _centerXs[edge];
            var dy = y - _centerYs[edge];
            var distance = dx * dx + dy * dy;
            if (distance <= _squaredRadii[edge] && distance < bestDistance)
            {
                best = edge;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>
    /// Locates every terminal, writes its edge into <paramref name="edgeOfTerminal"/> and appends a change for each
    /// terminal whose edge differs from the one the array held. Start from an array of -1 to hear every entry.
    /// </summary>
    public void Update(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<int> edgeOfTerminal, List<CoverageChange> changes)
    {
        if (xs.Length != ys.Length || xs.Length != edgeOfTerminal.Length)
            throw new ArgumentException($"xs, ys and edgeOfTerminal must have the same length ({xs.Length}, {ys.Length} and {edgeOfTerminal.Length}).", nameof(edgeOfTerminal));
        ArgumentNullException.ThrowIfNull(changes);
        for (var i = 0; i < xs.Length; i++)
        {
            var edge = Locate(xs[i], ys[i]);
            if (edge == edgeOfTerminal[i]) continue;
            changes.Add(new CoverageChange(i, edgeOfTerminal[i], edge));
            edgeOfTerminal[i] = edge;
        }
    }
}
