using Bunit;
using FedDashboard.Components.Requests;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Requests.Allocation;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Core.Orchestration.Requests.Allocation;
using FedDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Tests.Components;

/// <summary>A request's allocation panel, read from the decisions the real allocator kept.</summary>
public sealed class RequestAllocationPanelTests : DashboardComponentTest
{
    private int _requestId;

    protected override async Task ArrangeAsync()
    {
        Services.AddSingleton(Host.Get<RequestAllocations>());
        var client = await Host.Get<ClientRegistry>().RegisterAsync(TestClients.Administrator, TestClients.Details());
        var submitted = await Host.Get<TrainingRequests>().SubmitAsync(client.Id, "order-1", TestRequests.Submission(DateTimeOffset.UtcNow.AddHours(1)));
        _requestId = submitted.Request.Id;
    }

    private IRenderedComponent<RequestAllocationPanel> RenderPanel(int requestId)
    {
        var cut = Render<RequestAllocationPanel>(p => p.Add(x => x.RequestId, requestId));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")));
        return cut;
    }

    [Fact]
    public void Render_Decided_EveryEdgeWithItsQuotaAndReason()
    {
        var cut = RenderPanel(_requestId);

        var rows = cut.FindAll("tr[data-edge]");
        Assert.Equal(5, rows.Count);
        // C = 0.1 of 20 terminals: two per round.
        Assert.Equal(2, rows.Sum(r => int.Parse(r.Children[1].TextContent)));
        Assert.Contains(rows, r => r.Children[2].TextContent.EndsWith("— given 1 per round", StringComparison.Ordinal));
        Assert.StartsWith("2 terminals per round, decided ", cut.Find("[data-testid='allocation-summary']").TextContent);
        Assert.Contains("Its settings select 2 terminals per round; given 2.", cut.Find("[data-testid='allocation-reasons']").TextContent);
        Assert.Empty(cut.FindAll("[data-testid='too-few-terminals']"));
    }

    [Fact]
    public async Task Render_LatestDecisionHasTooFewTerminals_WarnsAndCountsTheDecisions()
    {
        var starved = FleetAllocation.Decide([new EdgeResources(1, "edge-1", 1, 0, 0, 0.5)], [new AllocationClaim(_requestId, RequestPriority.Normal, 2)]).Single();
        await using (var db = Host.Db())
        {
            db.RequestAllocations.Add(new RequestAllocation(starved, DateTimeOffset.UtcNow, 1.5));
            await db.SaveChangesAsync();
        }

        var cut = RenderPanel(_requestId);

        Assert.NotEmpty(cut.FindAll("[data-testid='too-few-terminals']"));
        Assert.Contains("the allocation has changed 1 time (2 decisions)", cut.Find("[data-testid='allocation-summary']").TextContent);
        Assert.Contains("Too few terminals: 1 of the 2 per round", cut.Find("[data-testid='allocation-reasons']").TextContent);
    }

    [Fact]
    public void Render_NothingDecided_SaysSo()
    {
        var cut = RenderPanel(_requestId + 1000);

        Assert.Contains("Not allocated yet", cut.Find("[data-testid='no-allocation']").TextContent);
    }
}
