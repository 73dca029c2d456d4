using FedDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace FedDashboard.Tests.Browser;

/// <summary>
/// Four eyes on the Policies page in the machine's Chromium: an operator turns auto-approve on for a job, which only
/// proposes it; the proposal waits on the page for an approver, who accepts it in a browser of their own. The job is a
/// paused one of the test's own (<see cref="PausedDashboardJob"/>).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ProposalBrowserTests(DashboardProcess dashboard) : OperatorAndApproverBrowserTest(dashboard)
{
    private const string JobName = "four eyes";

    private async Task<ILocator> JobPolicyAsync(IPage page, int jobId)
    {
        await page.OpenAsync(new Uri(Dashboard.BaseAddress, "policies").ToString());
        await page.GetByText("Jobs: aggregation, versions, termination").ClickAsync();
        await page.Locator(".mud-tab", new() { HasText = JobName }).ClickAsync();
        var form = page.Locator($"[data-job='{jobId}']");
        await Assertions.Expect(form).ToBeVisibleAsync();
        return form;
    }

    [Fact]
    public async Task OperatorTurnsAutoApproveOn_ProposalWaitsThenAnotherApproverAccepts()
    {
        await using var job = await PausedDashboardJob.CreateAsync(Dashboard, JobName);
        var jobId = job.Id;
        var operatorPage = await SignedInAsync("olga");
        var form = await JobPolicyAsync(operatorPage, jobId);

        await form.Locator("[data-field='AutoApprove'] input").ClickAsync();
        await form.Locator("[data-action='save']").ClickAsync();

        var proposal = operatorPage.Locator("[data-testid='policy-proposal']");
        await Assertions.Expect(proposal).ToContainTextAsync("waiting for an approver other than olga");
        await Assertions.Expect(proposal.Locator("[data-action='accept-proposal']")).ToBeDisabledAsync();
        await Assertions.Expect(form.Locator("[data-field='AutoApprove'] input")).Not.ToBeCheckedAsync();
        await ScreenshotAsync(operatorPage, "proposal-waiting-for-approver");

        var approverPage = await SignedInAsync("april");
        await JobPolicyAsync(approverPage, jobId);
        var waiting = approverPage.Locator("[data-testid='policy-proposal']");
        await Assertions.Expect(waiting).ToContainTextAsync("turns on auto-approve");
        await ScreenshotAsync(approverPage, "proposal-approver-view");
        await waiting.Locator("[data-action='accept-proposal']").ClickAsync();

        await Assertions.Expect(approverPage.GetByText("the proposed change is accepted")).ToBeVisibleAsync();
        await Assertions.Expect(waiting).ToHaveCountAsync(0);
        await Assertions.Expect(approverPage.Locator($"[data-job='{jobId}'] [data-field='AutoApprove'] input")).ToBeCheckedAsync();
        await ScreenshotAsync(approverPage, "proposal-accepted");
    }
}
