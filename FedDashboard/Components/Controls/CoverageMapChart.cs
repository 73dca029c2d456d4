using FedDashboard.Model;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace FedDashboard.Components.Controls;

/// <summary>The coverage map's figure: the square map with fixed equal-aspect axes, edges as circles, one marker trace per activity.</summary>
public static class CoverageMapChart
{
    public static Plotly.Blazor.Layout Layout(CoverageMapModel model) => new()
    {
        Height = 640,
        Margin = new Margin { L = 45, R = 10, T = 10, B = 40 },
        ShowLegend = true,
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.08m }],
        HoverMode = HoverModeEnum.Closest,
        XAxis = [new XAxis { Range = Extent(model), FixedRange = true, ShowGrid = false, ZeroLine = false, Constrain = Plotly.Blazor.LayoutLib.XAxisLib.ConstrainEnum.Domain }],
        YAxis = [new YAxis { Range = Extent(model), FixedRange = true, ShowGrid = false, ZeroLine = false, ScaleAnchor = "x", ScaleRatio = 1 }],
        Shapes = [.. model.Edges.Select(Circle)],
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

    public static IList<ITrace> Traces(IReadOnlyList<ActivityMarkers> markers) =>
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

    private static Shape Circle(EdgeCircle edge) => new()
    {
        Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Circle,
        XRef = "x",
        YRef = "y",
        X0 = edge.X - edge.Radius,
        X1 = edge.X + edge.Radius,
        Y0 = edge.Y - edge.Radius,
        Y1 = edge.Y + edge.Radius,
        Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Below,
        FillColor = "rgba(0, 114, 178, 0.06)",
        Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = "rgba(0, 114, 178, 0.6)", Width = 1.5m },
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
