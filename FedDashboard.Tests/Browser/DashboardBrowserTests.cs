using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace FedDashboard.Tests.Browser;

/// <summary>The pages in the machine's Chromium, against the dashboard running as `./fed run` runs it; screenshots land in TestResults/artifacts.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardProcess dashboard) : IAsyncLifetime
{
    private ChromiumSession _chromium = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _chromium = await ChromiumSession.LaunchAsync();
        _page = await _chromium.SignedInAsync(dashboard.BaseAddress, DashboardAccounts.AdminName);
    }

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    private Task ScreenshotAsync(string name) => ChromiumSession.ScreenshotAsync(_page, name);

    /// <summary>Waits for the page; if it never comes, the failure carries a screenshot and the app's last output.</summary>
    private async Task WaitForAsync(Func<Task> wait, string what)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException exception)
        {
            await ScreenshotAsync($"failed-{what.Replace(' ', '-')}");
            var output = dashboard.Output;
            throw new TimeoutException($"Waited in vain for {what}. Last output of the dashboard:\n{output[Math.Max(0, output.Length - 4000)..]}", exception);
        }
    }

    private Task<int> AccuracyPointsAsync() =>
        _page.EvaluateAsync<int>("() => document.querySelectorAll('#accuracy-chart .scatterlayer .point').length");

    [Fact]
    public async Task Overview_RoundsRunUnattended_AccuracyChartGrows()
    {
        await _page.OpenAsync(dashboard.BaseAddress.ToString());
        await WaitForAsync(() => _page.WaitForFunctionAsync("() => document.querySelectorAll('#accuracy-chart .scatterlayer .point').length >= 1", null, new() { Timeout = 180_000 }), "a first accuracy point");
        var first = await AccuracyPointsAsync();

        await WaitForAsync(() => _page.WaitForFunctionAsync($"() => document.querySelectorAll('#accuracy-chart .scatterlayer .point').length > {first}", null, new() { Timeout = 180_000 }), "the accuracy chart to grow");

        var accuracy = await _page.Locator("[data-kpi='Test accuracy']").InnerTextAsync();
        Assert.Contains("%", accuracy);
        // Simulated terminals drop off the network now and then, so some of the 40 may be offline.
        Assert.Matches(@"^([1-9]|[1-3][0-9]|40)$", (await _page.Locator("[data-kpi='Terminals online']").InnerTextAsync()).Trim());
        Assert.Equal("of 40", (await _page.Locator("[data-kpi-detail='Terminals online']").InnerTextAsync()).Trim());
        Assert.Equal(0, await _page.Locator("#blazor-error-ui:visible").CountAsync());
        await ScreenshotAsync("overview");
    }

    [Fact]
    public async Task RoundDetail_FromRoundsList_ShowsParticipants()
    {
        await _page.OpenAsync(new Uri(dashboard.BaseAddress, "rounds").ToString());
        var firstRound = _page.Locator("a[href^='rounds/']").Last;
        await WaitForAsync(() => firstRound.WaitForAsync(new() { Timeout = 180_000 }), "a round in the list");
        await ScreenshotAsync("rounds");

        await firstRound.ClickAsync();

        await _page.WaitForAddressAsync(url => Regex.IsMatch(url, @"/rounds/\d+$"), "the round's own page");
        await WaitForAsync(() => _page.Locator("[data-status='Reported']").First.WaitForAsync(new() { Timeout = 60_000 }), "reported participants");
        // Terminals move, decline and depart in the running fleet, so beside the reported ones a completed round may
        // list declined or departed terminals — but every row has an outcome and none is still open.
        var rows = _page.Locator("[data-testid='participants'] tbody tr");
        var statuses = await rows.Locator("[data-status]").EvaluateAllAsync<string[]>("chips => chips.map(c => c.dataset.status)");
        Assert.Equal(await rows.CountAsync(), statuses.Length);
        Assert.True(statuses.Length >= 4, $"a round selects 4 terminals, but the page lists {statuses.Length}");
        Assert.DoesNotContain(statuses, status => status is "Assigned" or "Training");
        await ScreenshotAsync("round-detail");
    }

    [Fact]
    public async Task ModelVersions_AutoApprovedJob_ListsApprovedVersionsWithLineage()
    {
        await _page.OpenAsync(new Uri(dashboard.BaseAddress, "versions").ToString());

        await WaitForAsync(() => _page.Locator("[data-status='Approved']").Nth(1).WaitForAsync(new() { Timeout = 180_000 }), "an approved version after v0");
        // The page reloads its rows on every new version: read a row once it stands with its cells.
        var row = _page.Locator("tbody tr").Filter(new() { Has = _page.Locator("[data-status='Approved']") }).First;
        await Assertions.Expect(row.Locator("td").Nth(5)).ToContainTextAsync("Approved");
        // One read of all its cells at once: between separate reads a reload may replace the row.
        var newest = await row.EvaluateAsync<string[]>("r => Array.from(r.cells, c => c.innerText)");
        var number = int.Parse(newest[0].TrimStart('v'));
        Assert.Equal($"v{number - 1} → v{number}", newest[1]);
        Assert.Equal("Approved", newest[5].Trim());
        await ScreenshotAsync("versions");
    }

    /// <summary>A script's function that reads every terminal's marker position on the coverage map, by terminal name, from plotly's own data.</summary>
    private const string MarkerPositions = """
        () => {
            const positions = {};
            for (const trace of document.getElementById('coverage-map').data ?? [])
                (trace.text ?? []).forEach((text, i) => positions[text.split('<br>')[0]] = [trace.x[i], trace.y[i]]);
            return positions;
        }
        """;

    private Task<Dictionary<string, double[]>> MarkerPositionsAsync() => _page.EvaluateAsync<Dictionary<string, double[]>>(MarkerPositions);

    [Fact]
    public async Task CoverageMap_FleetSimulatorRunning_TerminalsMove()
    {
        await _page.OpenAsync(new Uri(dashboard.BaseAddress, "coverage").ToString());
        await WaitForAsync(() => _page.WaitForFunctionAsync("() => (document.getElementById('coverage-map')?.data ?? []).some(t => (t.x ?? []).length > 0)", null, new() { Timeout = 60_000 }), "terminals on the map");
        var before = await MarkerPositionsAsync();
        Assert.Equal(40, before.Count);
        await ScreenshotAsync("coverage");

        // The fleet simulator publishes the fleet's map, with positions up to 2,000 terminals, every flush (a second here); the wait's limit only guards a hung run.
        await WaitForAsync(() => _page.WaitForFunctionAsync(
            $"before => {{ const now = ({MarkerPositions})(); return Object.keys(before).some(name => now[name] && (now[name][0] !== before[name][0] || now[name][1] !== before[name][1])); }}",
            before, new() { Timeout = 30_000 }), "a terminal to move on the map");
        var after = await MarkerPositionsAsync();

        var moved = before.Keys.Count(name => after.TryGetValue(name, out var now) && (now[0] != before[name][0] || now[1] != before[name][1]));
        Assert.True(moved > 0, $"No terminal of {before.Count} moved on the map; the fleet's map carries their positions each flush.");
        Assert.Equal(0, await _page.Locator("#blazor-error-ui:visible").CountAsync());
    }

    [Theory]
    [InlineData("coverage", "Coverage map", "#coverage-map")]
    [InlineData("terminals", "Terminals", null)]
    [InlineData("terminals/1", "terminal-", null)]
    [InlineData("policies", "Policies", null)]
    [InlineData("jobs/new", "New training job", null)]
    [InlineData("job", "Training job", null)]
    public async Task Page_Opened_ShowsHeadingWithoutError(string path, string heading, string? chart)
    {
        await _page.OpenAsync(new Uri(dashboard.BaseAddress, path).ToString());

        await WaitForAsync(() => _page.Locator("h4").First.WaitForAsync(new() { Timeout = 60_000 }), $"the {path} heading");
        Assert.Contains(heading, await _page.Locator("h4").First.InnerTextAsync());
        if (chart is not null)
            await WaitForAsync(() => _page.Locator($"{chart}.js-plotly-plot .scatterlayer .point").First.WaitForAsync(new() { Timeout = 30_000 }), $"the {path} chart's points");
        // Whatever charts the page has are drawn before the picture (terminal detail has none without history).
        await WaitForAsync(() => _page.WaitForFunctionAsync("() => [...document.querySelectorAll('.chart-host > div')].every(d => d.querySelector('.scatterlayer .trace'))", null, new() { Timeout = 30_000 }), $"the {path} charts");
        Assert.Equal(0, await _page.Locator("#blazor-error-ui:visible").CountAsync());
        Assert.DoesNotContain("Exception", await _page.Locator("body").InnerTextAsync());
        await ScreenshotAsync($"page-{path.Replace('/', '-')}");
    }
}
