using FedDashboard.Core.Orchestration.Governance;
using ScottPlot;

namespace FedDashboard.Bench;

/// <summary>Test accuracy against rounds and against wall time, side by side in one PNG, with the target as a line.</summary>
internal static class AccuracyPlot
{
    public static string Save(string jsonPath, string title, IReadOnlyList<RoundAccuracy> accuracies, RoundTimings timings, double? target)
    {
        var endedAfter = timings.Rounds.ToDictionary(r => r.Round, r => r.EndedAfterSeconds);
        var timed = accuracies.Where(a => endedAfter.ContainsKey(a.Round)).ToList();

        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Draw(multiplot.GetPlot(0), $"{title}: test accuracy by round", "Round", [.. accuracies.Select(a => (double)a.Round)], [.. accuracies.Select(a => a.Accuracy * 100)], target);
        Draw(multiplot.GetPlot(1), $"{title}: test accuracy by wall time", "Wall time since launch (s)", [.. timed.Select(a => endedAfter[a.Round])], [.. timed.Select(a => a.Accuracy * 100)], target);

        var path = Path.ChangeExtension(jsonPath, ".png");
        multiplot.SavePng(path, 1200, 450);
        return path;
    }

    private static void Draw(Plot plot, string caption, string xLabel, double[] xs, double[] accuracies, double? target)
    {
        plot.Add.Scatter(xs, accuracies);
        plot.Title(caption, size: 14);
        if (target is { } t) plot.Add.HorizontalLine(t * 100, pattern: LinePattern.Dashed).LegendText = $"target {t:P0}";
        plot.XLabel(xLabel);
        plot.YLabel("Test accuracy (%)");
        plot.ShowLegend(Alignment.LowerRight);
    }
}
