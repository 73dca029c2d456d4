using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Delivery;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Core.Orchestration.Requests.Allocation;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FedDashboard.Tests.Components;

/// <summary>The training requests list and a request's page, on requests submitted through Core and jobs run by hand.</summary>
public sealed class TrainingRequestPagesTests : DashboardComponentTest
{
    private ClientApplication _acme = null!;
    private ClientApplication _globex = null!;

    private TrainingRequests Requests => Host.Get<TrainingRequests>();
    private static DateTimeOffset InADay => DateTimeOffset.UtcNow.AddDays(1);

    protected override async Task ArrangeAsync()
    {
        Services.AddSingleton(Host.Get<TrainingRequestBoard>());
        Services.AddSingleton(Requests);
        Services.AddSingleton(Host.Get<RequestAllocations>());
        Services.AddSingleton(Host.Get<RequestModels>());
        Services.AddSingleton(Host.Get<RequestCallbacks>());
        var registry = Host.Get<ClientRegistry>();
        _acme = await registry.RegisterAsync(TestClients.Administrator, TestClients.Details(name: "Acme Vision"));
        _globex = await registry.RegisterAsync(TestClients.Administrator, TestClients.Details(name: "Globex", contactEmail: "ml@globex.example"));
    }

    private Task<TrainingRequestView> SubmitAsync(ClientApplication client, string name, double target = 0.9) =>
        Requests.SubmitAsync(client.Id, Guid.NewGuid().ToString("N"), TestRequests.Submission(InADay, name: name, targetAccuracy: target, maxRounds: 10, maxSpend: 50m));

    private IRenderedComponent<FedDashboard.Components.Pages.Requests> RenderList()
    {
        var cut = Render<FedDashboard.Components.Pages.Requests>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='requests']")));
        return cut;
    }

    private IRenderedComponent<RequestPage> RenderRequest(int id)
    {
        var cut = Render<RequestPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='request-name']")));
        return cut;
    }

    private static string Row(IRenderedComponent<FedDashboard.Components.Pages.Requests> cut, int requestId) =>
        cut.Find($"[data-request='{requestId}']").ParentElement!.TextContent;

    [Fact]
    public void List_NoRequests_SaysSo()
    {
        var cut = RenderList();

        Assert.Equal("No training requests yet.", cut.Find("[data-testid='no-requests']").TextContent);
    }

    [Fact]
    public async Task List_TwoClientsRequests_ShowsEachWithClientStatusRoundsAndBudget()
    {
        var scanner = await SubmitAsync(_acme, "Digits for the scanner");
        var sorter = await SubmitAsync(_globex, "Mail sorter", target: 0.95);

        var cut = RenderList();

        var row = Row(cut, sorter.Request.Id);
        Assert.Contains("Mail sorter", row);
        Assert.Contains("Globex", row);
        Assert.Contains("Training", row);
        Assert.Contains("0 of 10", row);
        Assert.Contains("– of 95.0%", row);
        Assert.Contains("0.00 of 50.00 EUR", row);
        Assert.Contains("Acme Vision", Row(cut, scanner.Request.Id));
    }

    [Fact]
    public async Task List_FilteredByStatus_ShowsOnlyThatStatus()
    {
        var open = await SubmitAsync(_acme, "Still open");
        var cancelled = await SubmitAsync(_globex, "Called off");
        await Requests.CancelAsync(_globex.Id, cancelled.Request.Id);
        var cut = RenderList();

        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<TrainingRequestStatus?>>().Single().Instance.ValueChanged.InvokeAsync(TrainingRequestStatus.Cancelled));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-request]")));
        Assert.NotNull(cut.Find($"[data-request='{cancelled.Request.Id}']"));
        Assert.Empty(cut.FindAll($"[data-request='{open.Request.Id}']"));
    }

    [Fact]
    public async Task List_FilteredByClient_ShowsOnlyThatClientsRequests()
    {
        var acme = await SubmitAsync(_acme, "Digits for the scanner");
        await SubmitAsync(_globex, "Mail sorter");
        var cut = RenderList();

        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<int?>>().Single().Instance.ValueChanged.InvokeAsync(_acme.Id));

        cut.WaitForAssertion(() => Assert.Equal(acme.Request.Id.ToString(), Assert.Single(cut.FindAll("[data-request]")).GetAttribute("data-request")));
    }

    [Fact]
    public async Task List_RequestSubmittedWhileOpen_AppearsLive()
    {
        var cut = RenderList();

        var view = await SubmitAsync(_acme, "Arrived later");

        cut.WaitForAssertion(() => Assert.Contains("Arrived later", Row(cut, view.Request.Id)));
    }

    [Fact]
    public async Task Page_NewRequest_ShowsConditionProgressAndEmptyBudgetAndChart()
    {
        var view = await SubmitAsync(_acme, "Digits for the scanner");

        var cut = RenderRequest(view.Request.Id);

        Assert.Equal("Training", cut.Find("[data-request-status]").TextContent.Trim());
        Assert.Equal("Acme Vision", cut.Find("[data-testid='client']").TextContent);
        Assert.Contains("90.0%", cut.Find("[data-section='condition']").TextContent);
        Assert.Equal("none yet", cut.Find("[data-testid='round']").TextContent);
        Assert.Equal("0.00 of 50.00 EUR", cut.Find("[data-testid='spend']").TextContent);
        Assert.Equal("0 of 10", cut.Find("[data-testid='rounds']").TextContent);
        Assert.NotNull(cut.Find("[data-section='accuracy'] [data-testid='no-versions']"));
        Assert.Equal($"jobs/{view.Request.JobId}", cut.Find("[data-testid='job-link']").GetAttribute("href"));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='request-allocation'] [data-testid='allocation-summary']")));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='delivery-panel'] [data-testid='no-model']")));
    }

    [Fact]
    public async Task Page_RequestOnAHeldOutSet_SaysWhichSetTheAccuracyIsOn()
    {
        var view = await Requests.SubmitAsync(_acme.Id, "order-held-out", TestRequests.Submission(InADay, heldOutSet: "mnist-test-last-5000", maxRounds: 10, maxSpend: 50m));

        var cut = RenderRequest(view.Request.Id);

        Assert.Equal("mnist-test-last-5000", cut.Find("[data-testid='held-out-set']").TextContent);
        Assert.Equal("– of 90.0% on mnist-test-last-5000", cut.Find("[data-testid='best-accuracy']").TextContent);
    }

    [Fact]
    public async Task Page_AfterARoundAndAnApproval_ShowsRoundSpendBestAccuracyAndChart()
    {
        var view = await SubmitAsync(_acme, "Digits for the scanner");
        var cut = RenderRequest(view.Request.Id);

        await Host.RunRoundByHandAsync(view.Request.JobId!.Value);
        await using (var db = Host.Db())
        {
            var v1 = await db.ModelVersions.SingleAsync(v => v.JobId == view.Request.JobId && v.Number == 1);
            await Host.Get<VersionDecisions>().ApproveAsync(v1.Id, TestData.Approver, null);
        }

        // The round's events, its rewards' and the approval's come in batches: the page has caught up once it shows what was spent.
        cut.WaitForAssertion(() => Assert.DoesNotMatch("^0.00 of", cut.Find("[data-testid='spend']").TextContent));
        Assert.Equal("1", cut.Find("[data-testid='round']").TextContent);
        Assert.Equal("1 of 10", cut.Find("[data-testid='rounds']").TextContent);
        Assert.DoesNotContain("– of", cut.Find("[data-testid='best-accuracy']").TextContent);
        Assert.NotNull(cut.Find("#request-accuracy-chart"));
    }

    [Fact]
    public async Task Page_RequestEndedByTheStatusSync_ShowsItLive()
    {
        var view = await SubmitAsync(_acme, "Digits for the scanner");
        var cut = RenderRequest(view.Request.Id);
        await Host.Get<JobControls>().AbortAsync(view.Request.JobId!.Value, TestData.Operator);

        await Host.Get<RequestStatusSync>().SyncAsync(view.Request.Id, CancellationToken.None);

        cut.WaitForAssertion(() => Assert.Equal("Failed", cut.Find("[data-request-status]").TextContent.Trim()));
        Assert.StartsWith("Its job ended without an approved version meeting the condition", cut.Find("[data-testid='end-reason']").TextContent);
    }

    [Fact]
    public async Task Page_AsViewer_OffersNoCancel()
    {
        var view = await SubmitAsync(_acme, "Digits for the scanner");

        var cut = RenderRequest(view.Request.Id);

        Assert.Empty(cut.FindAll("[data-action='cancel-request']"));
    }

    [Fact]
    public void Page_NoSuchRequest_SaysSo()
    {
        var cut = Render<RequestPage>(p => p.Add(x => x.Id, 4711));

        cut.WaitForAssertion(() => Assert.Contains("There is no training request #4711.", cut.Find("[data-testid='no-request']").TextContent));
    }

    [Fact]
    public async Task Page_CancelAsOperatorWithReason_CancelledAsTheOperatorAndJobAborted()
    {
        var view = await SubmitAsync(_acme, "Digits for the scanner");
        SignIn(TestData.Operator);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderRequest(view.Request.Id);

        var clicked = cut.Find("[data-action='cancel-request']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-field='dialog-text'] input")));
        dialogs.Find("[data-field='dialog-text'] input").Input("The client asked by phone");
        await dialogs.Find("[data-action='dialog-confirm']").ClickAsync(new());
        await clicked;

        cut.WaitForAssertion(() => Assert.Equal("Cancelled", cut.Find("[data-request-status]").TextContent.Trim()));
        Assert.Equal("Cancelled by olivia: The client asked by phone", cut.Find("[data-testid='end-reason']").TextContent);
        await using var db = Host.Db();
        Assert.Equal(JobStatus.Aborted, (await db.TrainingJobs.SingleAsync(j => j.Id == view.Request.JobId)).Status);
        var audit = Assert.Single(await Host.AuditAsync(AuditOutcome.Done), e => e.Action == AuditAction.TrainingRequestCancelled);
        Assert.Equal(("olivia", view.Request.Id.ToString()), (audit.Actor, audit.SubjectId));
    }
}
