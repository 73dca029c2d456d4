namespace FedDashboard.Core.Domain.Topology.Coverage;

/// <summary>
/// The cell arithmetic of <see cref="CoverageIndex"/>. Points off the map fall into the nearest border cell, so
/// border cells stretch to infinity and list every circle that reaches past the border beside them.
/// </summary>
internal static class CoverageGrid
{
    // Truncating instead of flooring is safe here: every negative coordinate ends in cell 0 after the clamp.
    public static int Cell(double coordinate, double cellSize, int cellsPerSide) =>
        Math.Clamp((int)(coordinate / cellSize), 0, cellsPerSide - 1);

    /// <returns>Per cell (row-major), the range cellEdges[cellStarts[c]..cellStarts[c + 1]] of circles reaching it.</returns>
    public static (int[] CellStarts, int[] CellEdges) Fill(IReadOnlyList<CoverageCircle> circles, int cellsPerSide, double cellSize)
    {
        // Widening each cell by a hair keeps a circle whose border lies within rounding of the cell's edge.
        var slack = cellSize * 1e-9;
        var lists = new List<int>[cellsPerSide * cellsPerSide];
        for (var edge = 0; edge < circles.Count; edge++)
        {
            var c = circles[edge];
            var firstColumn = Cell(c.CenterX - c.Radius, cellSize, cellsPerSide);
            var lastColumn = Cell(c.CenterX + c.Radius, cellSize, cellsPerSide);
            var firstRow = Cell(c.CenterY - c.Radius, cellSize, cellsPerSide);
            var lastRow = Cell(c.CenterY + c.Radius, cellSize, cellsPerSide);
            for (var row = firstRow; row <= lastRow; row++)
            for (var column = firstColumn; column <= lastColumn; column++)
            {
                var nearestX = Math.Clamp(c.CenterX, Low(column, cellSize) - slack, High(column, cellSize, cellsPerSide) + slack);
                var nearestY = Math.Clamp(c.CenterY, Low(row, cellSize) - slack, High(row, cellSize, cellsPerSide) + slack);
                var dx = nearestX - c.CenterX;
                var dy = nearestY - c.CenterY;
                if (dx * dx + dy * dy <= c.Radius * c.Radius) (lists[row * cellsPerSide + column] ??= []).Add(edge);
            }
        }

        var cellStarts = new int[lists.Length + 1];
        for (var cell = 0; cell < lists.Length; cell++) cellStarts[cell + 1] = cellStarts[cell] + (lists[cell]?.Count ?? 0);
        var cellEdges = new int[cellStarts[^1]];
        for (var cell = 0; cell < lists.Length; cell++) lists[cell]?.CopyTo(cellEdges, cellStarts[cell]);
        return (cellStarts, cellEdges);
    }

    private static double Low(int index, double cellSize) => index == 0 ? double.NegativeInfinity : index * cellSize;

    private static double High(int index, double cellSize, int cellsPerSide) =>
        index == cellsPerSide - 1 ? double.PositiveInfinity : (index + 1) * cellSize;
}
