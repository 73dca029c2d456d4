using FedDashboard.Model;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace FedDashboard.Components.Controls;

/// <summary>
/// The coverage map's figure: the square map with fixed equal-aspect axes, edges as circles, one marker trace per
/// activity; for a fleet shown as density, a heatmap of terminals per cell first (trace 0) and the circles drawn over it.
/// </summary>
public static class CoverageMapChart
{
    /// <summary>ColorBrewer's Purples: no activity uses purple, so the density never reads as an activity.</summary>
    private static readonly IList<object> DensityColours = [new object[] { 0, "#efedf5" }, new object[] { 1, "#3f007d" }];

    public static Plotly.Blazor.Layout Layout(CoverageMapModel model) => new()
    {
        Height = 640,
        Margin = new Margin { L = 45, R = 10, T = 10, B = 40 },
        ShowLegend = true,
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.08m }],
        HoverMode = HoverModeEnum.Closest,
        XAxis = [new XAxis { Range = Extent(model), FixedRange = true, ShowGrid = false, ZeroLine = false, Constrain = Plotly.Blazor.LayoutLib.XAxisLib.ConstrainEnum.Domain }],
        YAxis = [new YAxis { Range = Extent(model), FixedRange = true, ShowGrid = false, ZeroLine = false, ScaleAnchor = "x", ScaleRatio = 1 }],
        Shapes = [.. model.Edges.Select(edge => Circle(edge, model.ShowsDensity))],
        Annotations = [.. model.Edges.Select(Name)],
    };

    /// <summary>The map, widened to take in every coverage circle whole (edges near the border reach past it) and its name above.</summary>
    private static IList<object> Extent(CoverageMapModel model)
    {
        var low = model.Edges.Select(e => Math.Min(e.X, e.Y) - e.Radius).Append(0).Min();
        var high = model.Edges.Select(e => Math.Max(e.X, e.Y) + e.Radius).Append(model.MapSize).Max();
        var margin = 0.04 * (high - low);
        return [low - margin, high + margin];
    }

    public static IList<ITrace> Traces(CoverageMapModel model) =>
        model.ShowsDensity ? [Density(model), .. Markers(model.Markers())] : Markers(model.Markers());

    /// <summary>The index of the first activity trace.</summary>
    public static int FirstMarkerTrace(CoverageMapModel model) => model.ShowsDensity ? 1 : 0;

    private static HeatMap Density(CoverageMapModel model)
    {
        var centres = model.Grid.Centres().Cast<object>().ToList();
        return new HeatMap
        {
            Name = "terminals per cell",
            X = centres,
            Y = centres,
            Z = [.. model.Density()],
            ColorScale = DensityColours,
            ZMin = 0,
            ColorBar = new Plotly.Blazor.Traces.HeatMapLib.ColorBar
            {
                Title = new Plotly.Blazor.Traces.HeatMapLib.ColorBarLib.Title { Text = $"terminals per {model.Grid.CellSize:0} × {model.Grid.CellSize:0} cell" },
                Len = 0.6m,
            },
            HoverTemplate = "%{z} terminals<br>click to draw them<extra></extra>",
            ShowLegend = false,
        };
    }

    /// <summary>Plotly.update's data argument for the density trace.</summary>
    public static Dictionary<string, object> DensityUpdate(CoverageMapModel model) => new() { ["z"] = new object[] { model.Density() } };

    private static IList<ITrace> Markers(IReadOnlyList<ActivityMarkers> markers) =>
        [.. markers.Select(m => (ITrace)new Scatter
        {
            Name = TerminalActivities.Label(m.Activity),
            Mode = ModeFlag.Markers,
            X = [.. m.X.Cast<object>()],
            Y = [.. m.Y.Cast<object>()],
            TextArray = [.. m.Hover],
            HoverInfo = HoverInfoFlag.Text,
            Marker = new Marker { Color = TerminalActivities.Colour(m.Activity), SymbolArray = [.. m.Symbols.Select(s => (Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum?)Enum.Parse<Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum>(s, ignoreCase: true))], Size = 9, Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = "#ffffff", Width = 1 } },
        })];

    /// <summary>Plotly.update's data argument for the marker traces: one array per trace, in trace order.</summary>
    public static Dictionary<string, object> MarkerUpdate(IReadOnlyList<ActivityMarkers> markers) => new()
    {
        ["x"] = markers.Select(m => m.X).ToArray(),
        ["y"] = markers.Select(m => m.Y).ToArray(),
        ["text"] = markers.Select(m => m.Hover).ToArray(),
        ["marker.symbol"] = markers.Select(m => m.Symbols).ToArray(),
    };

    /// <param name="overDensity">Over a density heatmap the circle is drawn above it, unfilled, or the cells would hide it.</param>
    private static Shape Circle(EdgeCircle edge, bool overDensity) => new()
    {
        Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Circle,
        XRef = "x",
        YRef = "y",
        X0 = edge.X - edge.Radius,
        X1 = edge.X + edge.Radius,
        Y0 = edge.Y - edge.Radius,
        Y1 = edge.Y + edge.Radius,
        Layer = overDensity ? Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Above : Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Below,
        FillColor = overDensity ? "rgba(0, 0, 0, 0)" : "rgba(0, 114, 178, 0.06)",
        Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = "rgba(0, 114, 178, 0.8)", Width = overDensity ? 2 : 1.5m },
    };

    private static Annotation Name(EdgeCircle edge) => new()
    {
        X = edge.X,
        Y = edge.Y + edge.Radius,
        XRef = "x",
        YRef = "y",
        Text = edge.Name,
        ShowArrow = false,
        YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
    };
}
