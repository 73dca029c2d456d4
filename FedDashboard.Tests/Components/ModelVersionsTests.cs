using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Governance;
using FedDashboard.Core.Orchestration;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Components;

public sealed class ModelVersionsTests : DashboardComponentTest
{
    private TrainingJob _job = null!;

    protected override async Task ArrangeAsync()
    {
        _job = await Host.Get<JobLauncher>().LaunchAsync("versions test", TestData.Settings(), TestData.Policy(autoApprove: false));
        await Host.RunRoundByHandAsync(_job.Id);
    }

    private async Task<ModelVersionStatus> StoredStatusAsync(int number)
    {
        await using var db = Host.Db();
        return (await db.ModelVersions.SingleAsync(v => v.JobId == _job.Id && v.Number == number)).Status;
    }

    [Fact]
    public void Render_PendingVersion_ShowsLineageAndDecisionButtons()
    {
        var cut = Render<ModelVersions>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-action='approve-1']")));
        Assert.Contains("v0 → v1", cut.Markup);
        Assert.Equal("PendingApproval", cut.Find("[data-status='PendingApproval']").TextContent.Trim());
    }

    [Fact]
    public async Task ClickApprove_PendingVersion_StoresApprovedAndHidesButtons()
    {
        var cut = Render<ModelVersions>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-action='approve-1']")));

        await cut.Find("[data-action='approve-1']").ClickAsync(new());

        Assert.Equal(ModelVersionStatus.Approved, await StoredStatusAsync(1));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-action='approve-1']")));
        Assert.Contains(ModelVersions.LocalOperator, cut.Markup);
    }

    [Fact]
    public async Task ClickReject_PendingVersion_StoresRejected()
    {
        var cut = Render<ModelVersions>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-action='reject-1']")));

        await cut.Find("[data-action='reject-1']").ClickAsync(new());

        Assert.Equal(ModelVersionStatus.Rejected, await StoredStatusAsync(1));
    }
}
