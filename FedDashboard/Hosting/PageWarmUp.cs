using FedDashboard.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace FedDashboard.Hosting;

/// <summary>
/// Prerenders the live pages once when the node has started, as a visit would, and throws the HTML away. The first
/// render of a page in a process compiles its components' code, its EF Core queries and the JSON contract of its chart;
/// measured, that was most of the coverage map's and the Terminals page's first HTML (seconds under load, where a second
/// visit took a tenth of it), which the first operator to open them would otherwise wait for. A failure is logged and
/// changes nothing: that page then pays on its first visit, as without this.
/// </summary>
internal sealed class PageWarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILoggerFactory loggers, ILogger<PageWarmUp> log)
    : BackgroundService
{
    private const string WarmUpAddress = "http://localhost/";

    private static readonly Type[] Pages = [typeof(Overview), typeof(CoverageMap), typeof(Terminals), typeof(Rounds)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After start: migrations are applied, and the node already serves while its pages warm.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            await started.Task;
        var failures = await RenderAsync(stoppingToken);
        // A node stopping while it warms up (a short-lived test node) may see its database go: nothing to report then.
        if (stoppingToken.IsCancellationRequested) return;
        foreach (var (page, failure) in failures)
            log.LogWarning(failure, "Warming up the page {Page} failed; its first visit compiles what it needs", page);
    }

    /// <summary>Renders each page once as prerendering does, until <paramref name="ct"/> stops it; returns the pages that failed, with why.</summary>
    public async Task<IReadOnlyList<(string Page, Exception Failure)>> RenderAsync(CancellationToken ct = default)
    {
        var failures = new List<(string, Exception)>();
        foreach (var page in Pages.TakeWhile(_ => !ct.IsCancellationRequested))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // As a request does for its page; links and the grid resolve addresses against it.
                if (scope.ServiceProvider.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
                    navigation.Initialize(WarmUpAddress, WarmUpAddress);
                await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
                var frame = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(WarmUpFrame.Page)] = page });
                await renderer.Dispatcher.InvokeAsync(() => renderer.RenderComponentAsync<WarmUpFrame>(frame));
            }
            catch (Exception exception)
            {
                failures.Add((page.Name, exception));
            }
        }
        return failures;
    }
}
