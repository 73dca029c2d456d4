using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedDashboard.Components.Controls;

public partial class PrerenderedChart : ComponentBase
{
    /// <summary>The script Plotly.Blazor imports itself, at the same address, so the browser fetches it once for both.</summary>
    private const string PlotlyScript = "_content/Plotly.Blazor/plotly-3.7.0.min.js";

    /// <summary>Plotly.Blazor's own converters write the figure's objects; unset attributes are left out, as plotly.js expects.</summary>
    private static readonly JsonSerializerOptions FigureJson = new(JsonSerializerOptions.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [Parameter, EditorRequired] public required string Id { get; set; }
    [Parameter, EditorRequired] public required IList<ITrace> Data { get; set; }
    [Parameter, EditorRequired] public required Plotly.Blazor.Layout Layout { get; set; }
    [Parameter, EditorRequired] public required Config Config { get; set; }

    // Typed as object, each part is written as what it is (a Scatter, a HeatMap), not as the interface.
    private string Figure() => JsonSerializer.Serialize<object>(new { data = Data.Cast<object>(), layout = (object)Layout, config = (object)Config }, FigureJson);
}
