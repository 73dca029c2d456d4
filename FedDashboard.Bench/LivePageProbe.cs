namespace FedDashboard.Bench;

/// <summary>A page the browser section opens, and the element whose appearance counts as the page's content having rendered.</summary>
/// <param name="ClickedWhileOpen">Clicked, where the page shows it, once rendered: the page's most expensive view is measured.</param>
internal sealed record LivePageProbe(string Name, string Path, string ContentSelector, string? ClickedWhileOpen = null)
{
    public static readonly IReadOnlyList<LivePageProbe> All =
    [
        new("Overview", "", "[data-testid=job]"),
        // The map counts once Plotly has drawn it, which needs the circuit: prerendering shows only its frame.
        new("Coverage map", "coverage", "#coverage-map .main-svg", "[data-edge='edge-1'] a"),
        new("Terminals", "terminals", "[data-testid=terminals] tbody td"),
        new("Rounds", "rounds", ".mud-table-body td"),
    ];
}
