using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Components;

public sealed class OverviewTests : DashboardComponentTest
{
    private TrainingJob _job = null!;

    protected override async Task ArrangeAsync()
    {
        _job = await Host.Get<JobLauncher>().LaunchAsync("overview test", TestData.Settings());
        await Host.Get<RoundStarter>().StartNextRoundAsync(_job.Id);
    }

    private static string Kpi(IRenderedComponent<Overview> cut, string label) => cut.Find($"[data-kpi='{label}']").TextContent.Trim();

    private static string KpiDetail(IRenderedComponent<Overview> cut, string label) => cut.Find($"[data-kpi-detail='{label}']").TextContent.Trim();

    [Fact]
    public void Render_RunningJob_ShowsJobRoundAndFleetFromDatabase()
    {
        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Equal("1", Kpi(cut, "Round")));
        Assert.Contains("overview test", cut.Find("[data-testid='job']").TextContent);
        Assert.Equal(("20", "of 20"), (Kpi(cut, "Terminals online"), KpiDetail(cut, "Terminals online")));
        Assert.Equal("–", Kpi(cut, "Test accuracy"));
    }

    [Fact]
    public void Render_FleetTickOnFeed_UpdatesFleetKpis()
    {
        var cut = Render<Overview>();
        cut.WaitForAssertion(() => Assert.Equal("20", Kpi(cut, "Terminals online")));

        Feed.Deliver(new FleetTick(20, 17, 16, 3, 0.42, 0.9, 0.7, DateTimeOffset.UtcNow));

        cut.WaitForAssertion(() => Assert.Equal("17", Kpi(cut, "Terminals online")));
        Assert.Equal("16", Kpi(cut, "In coverage"));
        Assert.Equal("3", Kpi(cut, "Training now"));
        Assert.Equal(0.42.ToString("P0"), Kpi(cut, "Mean CPU load"));
    }

    [Fact]
    public void Render_FleetOfAHundredThousand_CountsGroupedAndTheFleetBeneath()
    {
        var cut = Render<Overview>();
        cut.WaitForAssertion(() => Assert.Equal("20", Kpi(cut, "Terminals online")));

        Feed.Deliver(new FleetTick(100_000, 98_231, 79_810, 10_000, 0.42, 0.9, 0.7, DateTimeOffset.UtcNow));

        cut.WaitForAssertion(() => Assert.Equal(98_231.ToString("N0"), Kpi(cut, "Terminals online")));
        Assert.Equal($"of {100_000:N0}", KpiDetail(cut, "Terminals online"));
        Assert.Equal((79_810.ToString("N0"), 10_000.ToString("N0")), (Kpi(cut, "In coverage"), Kpi(cut, "Training now")));
    }

    [Fact]
    public async Task Render_EventsTheOverviewDoesNotShow_DoNotReRenderIt()
    {
        var cut = Render<Overview>();
        async Task<int> RendersForTickAsync(int online)
        {
            var before = cut.RenderCount;
            Feed.Deliver(new FleetTick(20, online, 16, 3, 0.42, 0.9, 0.7, DateTimeOffset.UtcNow));
            cut.WaitForAssertion(() => Assert.Equal($"{online}", Kpi(cut, "Terminals online")));
            // Not a timed assertion: the pause only keeps the next events out of this tick's batch.
            await Task.Delay(3 * LiveFeed.DefaultBatchInterval);
            return cut.RenderCount - before;
        }
        await RendersForTickAsync(17); // the first tick adds the load chart's first points and the CPU figure

        var tickAlone = await RendersForTickAsync(18);
        var beforeOthers = cut.RenderCount;
        Feed.Deliver(FleetMap.Of([new TerminalPosition(1, 5, 5, null, TerminalActivity.OutOfCoverage)], new DensityGrid(1000), DateTimeOffset.UtcNow));
        Feed.Deliver(new ParticipantChanged(_job.Id, 1, 1, ParticipantStatus.Training, DateTimeOffset.UtcNow));
        await Task.Delay(3 * LiveFeed.DefaultBatchInterval);
        await RendersForTickAsync(19);

        Assert.Equal(tickAlone, cut.RenderCount - beforeOthers);
    }

    [Fact]
    public void Render_NewVersionOnFeed_ShowsItsAccuracy()
    {
        var cut = Render<Overview>();
        cut.WaitForAssertion(() => Assert.Equal("1", Kpi(cut, "Round")));

        Feed.Deliver(new ModelVersionChanged(_job.Id, 99, 1, 1, 0.9123, 0.3, ModelVersionStatus.Approved, DateTimeOffset.UtcNow));

        cut.WaitForAssertion(() => Assert.Equal(0.9123.ToString("P2"), Kpi(cut, "Test accuracy")));
    }

    [Fact]
    public async Task Dispose_RenderedOverview_EndsItsFeedSubscription()
    {
        var before = Feed.SubscriberCount;
        var cut = Render<Overview>();
        cut.WaitForAssertion(() => Assert.Equal(before + 1, Feed.SubscriberCount));

        await DisposeComponentsAsync();

        Assert.Equal(before, Feed.SubscriberCount);
    }
}
