using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace FedDashboard.Components.Controls;

/// <summary>The look shared by the dashboard's charts.</summary>
public static class ChartDefaults
{
    public static Config Config() => new() { Responsive = true, DisplayLogo = false, DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False };

    public static Plotly.Blazor.Layout Layout(string xTitle, string yTitle, Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum xType, IList<object>? yRange = null, string? yFormat = null) => new()
    {
        Height = 300,
        Margin = new Margin { L = 55, R = 15, T = 10, B = 45 },
        ShowLegend = true,
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle }, Type = xType }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle }, Range = yRange, TickFormat = yFormat }],
    };

    /// <summary>Accuracy always on the whole 0–100 % scale, so that a model going from 91 % to 92 % does not look like a leap.</summary>
    public static Plotly.Blazor.Layout AccuracyLayout(string xTitle, Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum xType) =>
        Layout(xTitle, "test accuracy", xType, [0, 1], ".0%");

    public static Scatter Line(string name, IEnumerable<object> x, IEnumerable<object> y, ModeFlag mode = ModeFlag.Lines) =>
        new() { Name = name, Mode = mode, X = x.ToList(), Y = y.ToList() };

    public static Bar Bars(string name, IEnumerable<object> x, IEnumerable<object> y) => new() { Name = name, X = x.ToList(), Y = y.ToList() };
}
