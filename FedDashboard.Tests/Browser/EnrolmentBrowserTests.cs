using FedDashboard.Core.Domain.Security;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.Playwright;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FedDashboard.Tests.Browser;

/// <summary>
/// Terminal identity from the operator's chair in the machine's Chromium, with a terminal agent speaking the protocol over
/// HTTP in between: the operator makes a code, the agent enrols with it, the operator revokes the agent's credential.
/// </summary>
[Collection(QuietCollection.Name)]
public sealed class EnrolmentBrowserTests(QuietDashboard dashboard) : OperatorAndApproverBrowserTest(dashboard)
{
    private const string AgentName = "browser-test-agent";

    private string Url(string path) => new Uri(Dashboard.BaseAddress, path).ToString();

    private async Task<Enrolled> EnrolOverHttpAsync(HttpClient http, string code)
    {
        var response = await http.PostAsJsonAsync(TerminalRoutes.Enrol,
            new EnrolRequest(code, AgentName, "Phone", "Mid", "camera", 600, DateTimeOffset.UtcNow.AddDays(-1), false, "agent-9.9"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Enrolled>())!;
    }

    [Fact]
    public async Task OperatorIssuesACodeAgentEnrolsOperatorRevokes_TheAgentsNextCallIsRefusedAndCounted()
    {
        var page = await SignedInAsync("olga");
        await page.OpenAsync(Url("terminals"));
        await page.Locator("[data-action='create-code']").ClickAsync();
        var shown = page.Locator("[data-secret-text]");
        await Assertions.Expect(shown).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$"));
        var code = (await shown.InnerTextAsync()).Trim();
        await ScreenshotAsync(page, "enrolment-code-shown");

        using var agent = new HttpClient { BaseAddress = Dashboard.BaseAddress };
        var enrolled = await EnrolOverHttpAsync(agent, code);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"[data-origin='{AgentName}']")).ToHaveTextAsync("Agent");
        await Assertions.Expect(page.Locator("[data-testid='enrolment-codes'] tbody tr").First).ToContainTextAsync("1 / 1");
        Assert.Equal(0, await page.GetByText(code).CountAsync());
        await ScreenshotAsync(page, "terminals-with-agent");
        await page.SetViewportSizeAsync(2600, 900);
        await ScreenshotAsync(page, "terminals-with-agent-wide");
        await page.SetViewportSizeAsync(1400, 900);

        await page.OpenAsync(Url($"terminals/{enrolled.TerminalId}"));
        await Assertions.Expect(page.Locator("[data-identity='agent-version']")).ToHaveTextAsync("agent-9.9");
        await ScreenshotAsync(page, "credential-active");
        await page.Locator("[data-action='revoke-credentials']").ClickAsync();
        await page.Locator("[data-field='dialog-text'] input").FillAsync("Lost in transit");
        await ScreenshotAsync(page, "credential-revoke-dialog");
        await page.Locator("[data-action='dialog-confirm']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-identity='credential']")).ToContainTextAsync("by olga: Lost in transit");
        await Assertions.Expect(page.Locator("[data-action='revoke-credentials']")).ToHaveCountAsync(0);

        using var call = new HttpRequestMessage(HttpMethod.Post, TerminalRoutes.RotateCredential);
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", enrolled.Credential);
        var refused = await agent.SendAsync(call);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(ProtocolError.CredentialRevoked, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid='refusals']")).ToContainTextAsync(ProtocolError.CredentialRevoked);
        await ScreenshotAsync(page, "credential-revoked");
    }

    [Fact]
    public async Task ViewerOpensTheTerminalsPage_SeesTheCodesButNoButtons()
    {
        await Dashboard.EnsureUserAsync("vic", Roles.Viewer);
        var page = await SignedInAsync("vic");

        await page.OpenAsync(Url("terminals"));

        await Assertions.Expect(page.Locator("[data-testid='code-permission-hint']")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-testid='enrolment-panel'] [data-action]").CountAsync());
        await ScreenshotAsync(page, "terminals-as-viewer");
    }
}
