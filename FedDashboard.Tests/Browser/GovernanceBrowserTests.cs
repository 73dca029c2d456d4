using System.Text.RegularExpressions;
using FedDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace FedDashboard.Tests.Browser;

/// <summary>
/// Two people at work in the machine's Chromium: an operator changes a job's policy (a bad value first), an approver
/// approves the version the next round produces, and the audit log shows both by name.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class GovernanceBrowserTests(DashboardProcess dashboard) : OperatorAndApproverBrowserTest(dashboard)
{
    private static async Task SetNumberAsync(ILocator form, string field, string value)
    {
        var input = form.Locator($"[data-field='{field}'] input");
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    [Fact]
    public async Task OperatorAndApprover_PolicyChangedAndVersionApproved_BothInTheAuditLog()
    {
        var operatorPage = await SignedInAsync("olga");
        await operatorPage.OpenAsync(new Uri(Dashboard.BaseAddress, "policies").ToString());
        await operatorPage.GetByText("Jobs: aggregation, versions, termination").ClickAsync();
        var form = operatorPage.Locator("[data-job]").First;

        await SetNumberAsync(form, "Termination.MaxRounds", "0");
        await form.Locator("[data-action='save']").ClickAsync();
        await Assertions.Expect(form.Locator("[data-field='Termination.MaxRounds']")).ToContainTextAsync("The maximum number of rounds is from 1 to 100000 (was 0).");
        await ScreenshotAsync(operatorPage, "governance-policy-error");

        await SetNumberAsync(form, "Termination.MaxRounds", "400");
        // Versions wait for an approver once auto-approve is off (turning it off needs no second person).
        await form.Locator("[data-field='AutoApprove'] input").SetCheckedAsync(false);
        await form.Locator("[data-action='save']").ClickAsync();
        // Other tests of the collection may have revised this job's policy before.
        await Assertions.Expect(operatorPage.GetByText(new Regex(@"policy revision \d+ saved"))).ToBeVisibleAsync();

        var approverPage = await SignedInAsync("april");
        await approverPage.OpenAsync(new Uri(Dashboard.BaseAddress, "versions").ToString());
        var approve = approverPage.Locator("[data-action^='approve-']").First;
        // The next round after the change produces a version that waits for an approver.
        await approve.WaitForAsync(new() { Timeout = 180_000 });
        var label = (await approve.GetAttributeAsync("data-action"))!["approve-".Length..];
        await approve.ClickAsync();
        await Assertions.Expect(approverPage.Locator($"[data-decision='{label}']")).ToContainTextAsync("april");
        await ScreenshotAsync(approverPage, "governance-approved");

        await approverPage.OpenAsync(new Uri(Dashboard.BaseAddress, "audit").ToString());
        var table = approverPage.Locator("[data-testid='audit-table']");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "PolicyChanged" }).Filter(new() { HasText = "olga" })).ToHaveCountAsync(1);
        await Assertions.Expect(table.Locator("tr", new() { HasText = "VersionApproved" }).Filter(new() { HasText = "april" })).ToHaveCountAsync(1);
        await ScreenshotAsync(approverPage, "governance-audit");
    }
}
