using Microsoft.Extensions.Configuration;

namespace FedDashboard.FrontDoor;

/// <summary>
/// What the front door proxies to, read from <c>FrontDoor:Nodes</c> (the nodes' URLs, separated by commas or spaces;
/// <c>--nodes</c> on the command line) and <c>FrontDoor:HealthCheckSeconds</c>, checked before anything listens.
/// </summary>
public sealed record FrontDoorSettings(IReadOnlyList<Uri> Nodes, TimeSpan HealthCheckInterval)
{
    public const string Section = "FrontDoor";
    public const string NodesKey = Section + ":Nodes";
    public const string HealthCheckKey = Section + ":HealthCheckSeconds";

    public static FrontDoorSettings From(IConfiguration configuration)
    {
        var nodes = (configuration[NodesKey] ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (nodes.Length == 0)
            throw new FrontDoorSettingsException($"{NodesKey} names no node. Give the nodes' URLs, e.g. --nodes http://127.0.0.1:5101,http://127.0.0.1:5102.");
        var urls = nodes.Select(ParseNode).ToList();
        if (urls.GroupBy(url => url).FirstOrDefault(same => same.Count() > 1) is { } twice)
            throw new FrontDoorSettingsException($"{NodesKey} names {twice.Key} twice; each node once.");
        return new FrontDoorSettings(urls, TimeSpan.FromSeconds(HealthCheckSeconds(configuration[HealthCheckKey])));
    }

    private static Uri ParseNode(string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0 && url.Fragment.Length == 0)
            return new Uri(url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        throw new FrontDoorSettingsException($"'{text}' in {NodesKey} is not a node's http(s) URL (e.g. http://127.0.0.1:5101).");
    }

    private static int HealthCheckSeconds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 2;
        if (int.TryParse(text, out var seconds) && seconds is >= 1 and <= 60) return seconds;
        throw new FrontDoorSettingsException($"{HealthCheckKey} is '{text}'; it must be a whole number of seconds from 1 to 60.");
    }
}
