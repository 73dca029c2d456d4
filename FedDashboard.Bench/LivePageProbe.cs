namespace FedDashboard.Bench;

/// <summary>A page the browser section opens, and the element whose appearance counts as the page's content having rendered.</summary>
internal sealed record LivePageProbe(string Name, string Path, string ContentSelector)
{
    public static readonly IReadOnlyList<LivePageProbe> All =
    [
        new("Overview", "", "[data-testid=job]"),
        // The map counts once Plotly has drawn it, which needs the circuit: prerendering shows only its frame.
        new("Coverage map", "coverage", "#coverage-map .main-svg"),
        new("Terminals", "terminals", "[data-testid=terminals] tbody td"),
        new("Rounds", "rounds", ".mud-table-body td"),
    ];
}
