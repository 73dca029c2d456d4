using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Security;
using Microsoft.AspNetCore.Components;

namespace FedDashboard.Components.Controls;

/// <summary>Records a page action Core refused for bad input or an illegal move, as an endpoint's refusal is (rate-limited per user).</summary>
public sealed class PageRefusals(RefusalLog log, CurrentActor actor, NavigationManager navigation, ILogger<PageRefusals> logger)
{
    public async Task RecordAsync(string reason)
    {
        var name = (await actor.GetAsync()).Name;
        await log.RecordAsync(name, name, $"page /{navigation.ToBaseRelativePath(navigation.Uri)}", reason);
    }

    /// <summary>An action failed for a reason that is no refusal: the log keeps the details, the page only says so.</summary>
    public void Unexpected(Exception exception) =>
        logger.LogError(exception, "A page action on {Page} failed unexpectedly.", navigation.Uri);
}
