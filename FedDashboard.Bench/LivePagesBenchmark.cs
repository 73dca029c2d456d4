using FedDashboard.Core.Orchestration.Options;
using Microsoft.Playwright;
using System.Diagnostics;

namespace FedDashboard.Bench;

/// <summary>
/// The live pages in headless Chromium against the dashboard as its own process, with the simulated fleet ticking and the
/// default job training: per fleet size and page, the time from navigation to the page's content shown (first render),
/// and the bytes per second the page then receives over its circuit's WebSocket while it stays open.
/// </summary>
internal static class LivePagesBenchmark
{
    private const string Admin = "admin";

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var fleets = args.Text("fleets", "10000,100000").Split(',').Select(int.Parse).ToList();
        var warmup = TimeSpan.FromSeconds(args.PositiveInteger("warmup", 120));
        var credentialCache = args.PositiveInteger("credential-cache", 3600);
        var window = TimeSpan.FromSeconds(args.PositiveInteger("seconds", 30));
        var screenshots = args.Text("screenshots", "");
        if (fleets.Any(n => n is < 1 or > 100_000)) throw new ArgumentException($"--fleets must be sizes from 1 to 100000 (was {args.Text("fleets", "")}).");

        Console.WriteLine($"Pages benchmark, browser section: first render and circuit bytes per open page, {window.TotalSeconds:0} s per page after {warmup.TotalSeconds:0} s of warm-up, at {string.Join(" and ", fleets.Select(n => n.ToString("N0")))} terminals");
        Console.WriteLine($"Machine: {MachineDescription.Describe()}");
        var (playwright, browser) = await BenchChromium.LaunchAsync();
        var runs = new List<LivePageRun>();
        try
        {
            foreach (var fleet in fleets)
            {
                var password = Guid.NewGuid().ToString("N");
                var starting = Stopwatch.StartNew();
                await using var server = await ServerProcess.StartAsync("pages-browser", fleet, RunningFleet(password, credentialCache), TimeSpan.FromMinutes(45));
                Console.WriteLine($"{fleet:N0} terminals: the dashboard served after {starting.Elapsed.TotalSeconds:0} s; warming up");
                if (server.Output().Split('\n').FirstOrDefault(line => line.Contains("Created the simulated fleet", StringComparison.Ordinal)) is { } seeded)
                    Console.WriteLine($"  {seeded.Trim()}");
                await Task.Delay(warmup);
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
                var page = await context.NewPageAsync();
                var traffic = new CircuitTraffic(page);
                await SignInAsync(page, server.Address, password);
                foreach (var probe in LivePageProbe.All)
                {
                    var run = await MeasureAsync(page, traffic, server.Address, probe, fleet, window);
                    runs.Add(run);
                    Console.WriteLine($"  {probe.Name,-13} first render {run.FirstRenderMs,7:N0} ms (its HTML after {run.HtmlMs,7:N0} ms), again {run.AgainFirstRenderMs,7:N0} ms (HTML {run.AgainHtmlMs,7:N0} ms), {run.KiBPerSecond,8:0.0} KiB/s ({run.Frames:N0} frames in {window.TotalSeconds:0} s)");
                    if (screenshots.Length > 0)
                        await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"{screenshots}{fleet}-{probe.Path.Replace('/', '-') switch { "" => "overview", var p => p }}.png", FullPage = true });
                }
                await context.DisposeAsync();
                var pace = FleetPace.Of(fleet, server.Output());
                Console.WriteLine($"  fleet ticks: {pace.Overruns} overran their interval, the longest {pace.LongestSeconds:0.0} s; heartbeat flushes: {pace.FlushOverruns} overran theirs, median of those {pace.MedianFlushOverrunSeconds:0.000} s, the longest {pace.LongestFlushSeconds:0.000} s");
                Console.WriteLine($"  the dashboard's log: {await BenchResults.WriteTextAsync($"pages-browser-{fleet}-server", "log", server.Output())}");
                await using var db = server.Db();
                var message = await MapMessageSize.MeasureAsync(db, new FleetOptions().MapSize);
                Console.WriteLine($"  map tick between nodes: {message.MapTickBytes:N0} bytes (every terminal's position would be {message.AllPositionsBytes:N0})");
                // Each size on its own as soon as it is measured: a big fleet takes long to seed, and a later failure must not lose it.
                Console.WriteLine($"  Results: {await WriteAsync(fleet, warmup, window, credentialCache, [.. runs.Where(r => r.Terminals == fleet)], pace, message)}");
            }
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }

        Console.WriteLine();
        Console.WriteLine($"{"terminals",10} {"page",-13} {"first render ms",16} {"HTML ms",8} {"again ms",9} {"HTML ms",8} {"KiB/s",8}   targets: first render ≤ 1,500 ms, ≤ 50 KiB/s");
        foreach (var run in runs) Console.WriteLine($"{run.Terminals,10:N0} {run.Page,-13} {run.FirstRenderMs,16:N0} {run.HtmlMs,8:N0} {run.AgainFirstRenderMs,9:N0} {run.AgainHtmlMs,8:N0} {run.KiBPerSecond,8:0.0}");
        return 0;
    }

    private static Task<string> WriteAsync(int fleet, TimeSpan warmup, TimeSpan window, int credentialCache, IReadOnlyList<LivePageRun> runs, FleetPace pace, MapMessageSize message) =>
        BenchResults.WriteAsync($"pages-browser-{fleet}", new
        {
            benchmark = "pages-browser",
            machine = MachineDescription.Describe(),
            terminals = fleet,
            warmupSeconds = warmup.TotalSeconds,
            windowSeconds = window.TotalSeconds,
            credentialCacheSeconds = credentialCache,
            measured = "first render: navigation start to the page's content element visible (the map: Plotly's drawing); HTML: navigation start to the page's HTML received (the server's prerender); again: the same on a second visit right after the first, with the server's code and queries warm; bytes: WebSocket frames received by the page (its Blazor circuit) during the window after the first render",
            runs,
            fleetPace = pace,
            mapMessage = message,
        });

    /// <summary>The fleet simulated and the default job training, as `./fed run` runs it, over the settled fleet's settings.</summary>
    /// <param name="credentialCache">
    /// Seconds a checked terminal credential is trusted; the default 30 makes every simulated terminal's credential
    /// expire at once and the next tick check them one query each, which a big fleet's tick does not survive.
    /// </param>
    private static Dictionary<string, string?> RunningFleet(string password, int credentialCache) => new()
    {
        ["Fed:Terminals:CredentialCacheSeconds"] = credentialCache.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Fed:Security:AdminPassword"] = password,
        ["Fed:Fleet:Simulate"] = "true",
        ["Fed:Terminals:HeartbeatSeconds"] = "5",
        ["Fed:Fleet:LowTierSamplesPerSecond"] = "200",
        ["Fed:Fleet:MidTierSamplesPerSecond"] = "500",
        ["Fed:Fleet:HighTierSamplesPerSecond"] = "1200",
        ["Fed:Orchestration:SecondsBetweenRounds"] = "2",
        ["Fed:DefaultJob:StartOnFreshDatabase"] = "true",
    };

    private static async Task SignInAsync(IPage page, Uri address, string password)
    {
        await page.GotoAsync(new Uri(address, "account/login").ToString());
        await page.FillAsync("#username", Admin);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
    }

    private static async Task<LivePageRun> MeasureAsync(IPage page, CircuitTraffic traffic, Uri address, LivePageProbe probe, int fleet, TimeSpan window)
    {
        // The first visit of a page pays for what the server process does once (compiling code and queries); the second does not.
        var (firstRender, html) = await VisitAsync(page, address, probe);
        var (againFirstRender, againHtml) = await VisitAsync(page, address, probe);
        // A locator finds the element again at each attempt: the live page may re-render it between finding and clicking.
        if (probe.ClickedWhileOpen is { } selector && page.Locator(selector).First is var clicked && await clicked.CountAsync() > 0) await clicked.ClickAsync();
        traffic.Reset();
        await Task.Delay(window);
        var (bytes, frames) = traffic.Read();
        return new LivePageRun(fleet, probe.Name, Math.Round(firstRender.TotalMilliseconds), Math.Round(html), Math.Round(againFirstRender.TotalMilliseconds), Math.Round(againHtml),
            bytes, frames, Math.Round(bytes / 1024.0 / window.TotalSeconds, 1));
    }

    /// <summary>Navigation start to the page's content visible, and to its HTML received, in milliseconds.</summary>
    private static async Task<(TimeSpan FirstRender, double Html)> VisitAsync(IPage page, Uri address, LivePageProbe probe)
    {
        var navigation = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(address, probe.Path).ToString(), new() { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
        await page.WaitForSelectorAsync(probe.ContentSelector, new() { State = WaitForSelectorState.Visible, Timeout = 120_000 });
        var firstRender = navigation.Elapsed;
        return (firstRender, await page.EvaluateAsync<double>("performance.getEntriesByType('navigation')[0].responseEnd"));
    }
}

internal sealed record LivePageRun(int Terminals, string Page, double FirstRenderMs, double HtmlMs, double AgainFirstRenderMs, double AgainHtmlMs, long Bytes, long Frames, double KiBPerSecond);
