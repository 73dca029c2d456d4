using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Model;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using System.Globalization;

namespace FedDashboard.Tests.Components;

/// <summary>An operator submits a training request for a client from the form; Core checks it as it checks the client API's.</summary>
public sealed class NewRequestFormTests : DashboardComponentTest
{
    private ClientApplication _client = null!;

    protected override async Task ArrangeAsync()
    {
        Services.AddSingleton(Host.Get<ClientRegistry>());
        Services.AddSingleton(Host.Get<TrainingRequests>());
        _client = await Host.Get<ClientRegistry>().RegisterAsync(TestClients.Administrator, TestClients.Details());
        SignIn(TestData.Operator);
    }

    /// <summary>The form with the client chosen and every field valid but the one a test changes.</summary>
    private async Task<IRenderedComponent<NewRequest>> RenderFilledAsync()
    {
        var cut = Render<NewRequest>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-action='submit-request']")));
        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<int?>>().Single().Instance.ValueChanged.InvokeAsync(_client.Id));
        cut.Find($"[data-field='{RequestFields.Name}'] input").Change("Digits for the scanner");
        cut.Find($"[data-field='{RequestFields.MaxSpend}'] input").Change("50");
        return cut;
    }

    /// <summary>Finds the button and clicks it in one step: the fields' changes may still be rendering the form anew.</summary>
    private static Task SubmitAsync(IRenderedComponent<NewRequest> cut) => cut.InvokeAsync(() => cut.Find("[data-action='submit-request']").ClickAsync(new()));

    private async Task<(int Requests, int Jobs)> CountsAsync()
    {
        await using var db = Host.Db();
        return (await db.TrainingRequests.CountAsync(), await db.TrainingJobs.CountAsync());
    }

    [Fact]
    public async Task Submit_Valid_CreatesTheClientsRequestAuditedAsTheOperator()
    {
        var cut = await RenderFilledAsync();

        await SubmitAsync(cut);

        await using var db = Host.Db();
        var request = await db.TrainingRequests.AsNoTracking().SingleAsync();
        Assert.Equal((_client.Id, "Digits for the scanner", TrainingRequestStatus.Training, 50m), (request.ClientId, request.Name, request.Status, request.Budget.MaxSpend));
        Assert.Equal("client:Acme Vision", (await db.TrainingJobs.SingleAsync(j => j.Id == request.JobId)).CreatedBy);
        var audit = Assert.Single(await Host.AuditAsync(AuditOutcome.Done), e => e.Action == AuditAction.TrainingRequestSubmitted);
        Assert.Equal("olivia", audit.Actor);
        Assert.EndsWith($"requests/{request.Id}", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }

    [Fact]
    public async Task Submit_TwiceWithTheSameForm_OneRequest()
    {
        var cut = await RenderFilledAsync();

        await SubmitAsync(cut);
        await SubmitAsync(cut);

        Assert.Equal((1, 1), await CountsAsync());
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { RequestFields.TargetAccuracy, "1.5", "The target test accuracy is a fraction above 0 and at most 1 (was 1.5)." },
        { RequestFields.Deadline, "past", "is in the past" },
        { RequestFields.CallbackUrl, "http://169.254.169.254/latest/meta-data", "" },
    };

    [Theory, MemberData(nameof(BadFields))]
    public async Task Submit_BadField_RefusedAtThatFieldAndNothingCreated(string field, string value, string message)
    {
        var cut = await RenderFilledAsync();
        var input = value == "past" ? DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : value;
        cut.Find($"[data-field='{field}'] input").Change(input);

        await SubmitAsync(cut);

        cut.WaitForAssertion(() => Assert.Contains(message, cut.Find($"[data-field='{field}'] .mud-input-helper-text").TextContent));
        Assert.NotEmpty(cut.Find($"[data-field='{field}'] .mud-input-helper-text").TextContent);
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Submit_NoClientChosen_SaysSoAtTheClientAndCreatesNothing()
    {
        var cut = Render<NewRequest>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-action='submit-request']")));

        await SubmitAsync(cut);

        Assert.Contains("Choose the client the request is for.", cut.Find($"[data-field='{NewRequestForm.ClientField}']").TextContent);
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Submit_OverTheSpendingLimit_FormErrorAndNothingCreated()
    {
        var cut = await RenderFilledAsync();
        cut.Find($"[data-field='{RequestFields.MaxSpend}'] input").Change("600");

        await SubmitAsync(cut);

        cut.WaitForAssertion(() => Assert.Contains("would exceed it", cut.Find("[data-error='form']").TextContent));
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Submit_AsViewer_RefusedByCoreAndNothingCreated()
    {
        var cut = await RenderFilledAsync();
        RevokeRoles(TestData.Operator);

        await SubmitAsync(cut);

        cut.WaitForAssertion(() => Assert.Contains(Snackbars, s => s.Message == "olivia may not submit training requests for clients without the operator role."));
        Assert.Equal((0, 0), await CountsAsync());
    }
}
