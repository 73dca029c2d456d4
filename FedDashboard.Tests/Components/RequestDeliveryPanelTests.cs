using Bunit;
using FedDashboard.Components.Requests;
using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Delivery;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Tests.Components;

/// <summary>
/// A request's delivery panel on the real services: a request whose job used its one round of budget fails with its
/// best model so far, and its callback has one failed attempt recorded.
/// </summary>
public sealed class RequestDeliveryPanelTests : DashboardComponentTest
{
    private int _requestId;

    protected override async Task ArrangeAsync()
    {
        Services.AddSingleton(Host.Get<RequestModels>());
        Services.AddSingleton(Host.Get<RequestCallbacks>());
        var client = await Host.Get<ClientRegistry>().RegisterAsync(TestClients.Administrator, TestClients.Details());
        var submitted = await Host.Get<TrainingRequests>().SubmitAsync(client.Id, "order-1",
            TestRequests.Submission(DateTimeOffset.UtcNow.AddHours(1), targetAccuracy: 0.999, maxRounds: 1, callbackUrl: "https://203.0.113.7/hooks/fed"));
        _requestId = submitted.Request.Id;
        var jobId = submitted.Request.JobId!.Value;
        await Host.RunRoundByHandAsync(jobId);
        await Host.StartRoundByHandAsync(jobId);
        await Host.Get<RequestStatusSync>().SyncAsync(_requestId, CancellationToken.None);
        await using var db = Host.Db();
        var delivery = await db.CallbackDeliveries.SingleAsync();
        db.CallbackAttempts.Add(new CallbackAttemptRecord(delivery.Id,
            new CallbackAttempt(1, TestData.Now, TestData.Now.AddMilliseconds(120), 500, CallbackFailure.Status, "Answered 500 Internal Server Error; only a 2xx status acknowledges a callback.", null)));
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<RequestDeliveryPanel> RenderPanel()
    {
        var cut = Render<RequestDeliveryPanel>(p => p.Add(x => x.RequestId, _requestId));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")));
        return cut;
    }

    [Fact]
    public void Render_FailedRequest_DownloadsMarkedAsNotMeetingTheCondition()
    {
        var cut = RenderPanel();

        Assert.Equal($"/api/training-requests/{_requestId}/model.onnx", cut.Find("[data-action='download-onnx']").GetAttribute("href"));
        Assert.Equal($"/api/training-requests/{_requestId}/model.safetensors", cut.Find("[data-action='download-safetensors']").GetAttribute("href"));
        Assert.Equal("does not meet the condition", cut.Find("[data-testid='not-meeting']").TextContent.Trim());
    }

    [Fact]
    public void Render_Viewer_AttemptsListedWithoutReSend()
    {
        var cut = RenderPanel();

        var row = cut.Find("[data-attempt='1']");
        Assert.Contains("500: Answered 500 Internal Server Error", row.TextContent);
        Assert.Contains("120 ms", row.TextContent);
        Assert.Empty(cut.FindAll("[data-action^='resend-']"));
    }

    [Fact]
    public async Task ClickReSend_Operator_ASecondDeliveryListed()
    {
        SignIn(TestData.Operator);
        var cut = RenderPanel();

        await cut.Find("[data-action^='resend-']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-delivery]").Count));
        await using var db = Host.Db();
        Assert.Equal(2, await db.CallbackDeliveries.CountAsync());
        Assert.Contains("re-sent by olivia", cut.Markup);
    }
}
