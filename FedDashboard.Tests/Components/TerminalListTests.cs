using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FedDashboard.Tests.Components;

/// <summary>
/// 60 terminals, more than one page of 25: the host's 20, set idle and online, and terminal-00021 to terminal-00060 added
/// here with CPU load 1 % to 40 % in name order and every fourth offline. The database pages, sorts and filters them.
/// </summary>
public sealed class TerminalListTests : DashboardComponentTest
{
    private const int AllTerminals = 60;

    protected override async Task ArrangeAsync()
    {
        await using var db = Host.Db();
        var at = DateTimeOffset.UtcNow;
        foreach (var seeded in await db.Terminals.ToListAsync()) seeded.ReportTelemetry(0, 0.5, 1_000, online: true, at);
        for (var i = 21; i <= AllTerminals; i++)
        {
            var terminal = new Terminal($"terminal-{i:D5}", i - 1, TerminalType.Phone, HardwareTier.Mid, 0, 0);
            terminal.ReportTelemetry(0.01 * (i - 20), 0.5, 1_000, online: i % 4 != 0, at);
            db.Terminals.Add(terminal);
        }
        await db.SaveChangesAsync();
    }

    private static string Name(int i) => $"terminal-{i:D5}";

    private IRenderedComponent<Terminals> RenderList()
    {
        var cut = Render<Terminals>();
        cut.WaitForAssertion(() => Assert.Equal(25, Shown(cut).Count));
        return cut;
    }

    private static List<string> Shown(IRenderedComponent<Terminals> cut) => [.. cut.FindAll("[data-terminal]").Select(e => e.TextContent.Trim())];

    private static MudDataGrid<TerminalRow> Grid(IRenderedComponent<Terminals> cut) => cut.FindComponent<MudDataGrid<TerminalRow>>().Instance;

    private static void Type(IRenderedComponent<Terminals> cut, string filter, string text)
    {
        var field = cut.Find($"[data-filter='{filter}']");
        (field.TagName == "INPUT" ? field : field.QuerySelector("input")!).Input(text);
    }

    [Fact]
    public void Render_MoreTerminalsThanAPage_ShowsTheFirstPageByNameAndTheTotal()
    {
        var cut = RenderList();

        Assert.Equal(Enumerable.Range(1, 25).Select(Name), Shown(cut));
        Assert.Equal($"{AllTerminals} terminals", cut.Find("[data-testid='terminal-total']").TextContent.Trim());
    }

    [Fact]
    public void Prerender_MoreTerminalsThanAPage_ShowsTheFirstPageAndTheTotalBeforeTheCircuit()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.Equal(Enumerable.Range(1, 25).Select(Name), Shown(cut)));
        Assert.Equal($"{AllTerminals} terminals", cut.Find("[data-testid='terminal-total']").TextContent.Trim());
    }

    [Fact]
    public async Task NavigateTo_NextPage_ShowsTheNextTerminalsByName()
    {
        var cut = RenderList();

        await cut.InvokeAsync(() => Grid(cut).NavigateTo(Page.Next));

        cut.WaitForAssertion(() => Assert.Equal(Enumerable.Range(26, 25).Select(Name), Shown(cut)));
    }

    [Fact]
    public async Task SetSort_CpuLoadDescending_SortsEveryTerminalNotJustThePage()
    {
        var cut = RenderList();

        await cut.InvokeAsync(() => Grid(cut).SetSortAsync(nameof(TerminalRow.CpuLoad), SortDirection.Descending, t => t.CpuLoad));

        cut.WaitForAssertion(() => Assert.Equal([Name(60), Name(59), Name(58)], Shown(cut).Take(3)));
    }

    [Fact]
    public void Search_PartOfTheName_ListsOnlyMatchingTerminals()
    {
        var cut = RenderList();

        Type(cut, "search", "terminal-0003");

        cut.WaitForAssertion(() => Assert.Equal(Enumerable.Range(30, 10).Select(Name), Shown(cut)));
        Assert.Equal("10 terminals", cut.Find("[data-testid='terminal-total']").TextContent.Trim());
    }

    [Fact]
    public async Task PageAsync_OfflineSortedByCpuLoad_CombinesFilterAndSortOnTheServer()
    {
        var queries = new TerminalQueries(Host.Get<IDbContextFactory<FedDbContext>>());

        var page = await queries.PageAsync(new TerminalListFilter(Online: false), [new TerminalSort(nameof(TerminalRow.CpuLoad), Descending: true)], page: 0, pageSize: 3);

        Assert.Equal(10, page.Total);
        Assert.Equal([Name(60), Name(56), Name(52)], page.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Deliver_ParticipationOfAShownTerminal_RefreshesItsRow()
    {
        var cut = RenderList();
        var job = await Host.Get<JobLauncher>().LaunchAsync("list test", TestData.Settings());
        var round = await Host.StartRoundByHandAsync(job.Id);
        var participant = round.Participants.OrderBy(p => p.Id).First();
        await using (var db = Host.Db())
        {
            var tracked = await db.RoundParticipants.SingleAsync(p => p.Id == participant.Id);
            tracked.Start(DateTimeOffset.UtcNow);
            tracked.Report("hash", 100, 0.4, 0.9, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var name = await TerminalNameAsync(participant.TerminalId);
        Assert.Equal("no work yet", cut.Find($"[data-reliability='{name}']").TextContent.Trim());

        Feed.Deliver(new ParticipantChanged(job.Id, round.Id, participant.TerminalId, ParticipantStatus.Reported, DateTimeOffset.UtcNow));

        cut.WaitForAssertion(() => Assert.Equal($"{1.0:P0} (1/1)", cut.Find($"[data-reliability='{name}']").TextContent.Trim()));
    }

    private async Task<string> TerminalNameAsync(int terminalId)
    {
        await using var db = Host.Db();
        return await db.Terminals.Where(t => t.Id == terminalId).Select(t => t.Name).SingleAsync();
    }
}
