using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Components;

/// <summary>One round by hand in which the participants fare differently: reported, departed, failed, swapped, replaced by a standby.</summary>
public sealed class TerminalsTests : DashboardComponentTest
{
    private Round _round = null!;
    private RoundParticipant _reported = null!;
    private RoundParticipant _departed = null!;
    private RoundParticipant _swapped = null!;
    private RoundParticipant _replaced = null!;
    private RoundParticipant _standby = null!;
    private Terminal _reporter = null!;

    protected override async Task ArrangeAsync()
    {
        var job = await Host.Get<JobLauncher>().LaunchAsync("terminals test", TestData.Settings());
        var started = await Host.StartRoundByHandAsync(job.Id);
        var at = DateTimeOffset.UtcNow;
        await using var db = Host.Db();
        _round = await db.Rounds.Include(r => r.Participants).SingleAsync(r => r.Id == started.Id);
        var p = _round.Participants.OrderBy(x => x.Id).ToList();
        (_reported, _departed, _swapped, _replaced) = (p[0], p[1], p[2], p[3]);
        foreach (var participant in p.Take(4)) participant.Start(at);
        _reported.Report("hash-reported", 120, 0.4, 0.875, at.AddSeconds(5));
        _reported.RecordLocalWork(12, 9);
        _departed.Depart("left edge-1's coverage", at.AddSeconds(2));
        _swapped.SwapTo(0.5, "CPU load 0.92", at.AddSeconds(1));
        _replaced.Replace("18 samples/s, below 50", at.AddSeconds(3));
        p[4].Fail("out of memory", at.AddSeconds(4));
        var taken = p.Select(x => x.TerminalId).ToHashSet();
        var spare = await db.Terminals.Where(t => !taken.Contains(t.Id)).OrderBy(t => t.Id).FirstAsync();
        _standby = new RoundParticipant(spare.Id, _replaced.EdgeId, _replaced.Assignment.BaseModelHash, _replaced.Assignment.ModelVariant, at.AddSeconds(3), replacesParticipantId: _replaced.Id);
        _round.Participants.Add(_standby);

        _reporter = await db.Terminals.SingleAsync(t => t.Id == _reported.TerminalId);
        for (var i = 0; i < 3; i++) db.TelemetryRecords.Add(TelemetryRecord.Of(_reporter, at.AddSeconds(-30 + 10 * i)));
        var edges = await db.EdgeServers.OrderBy(e => e.Name).Select(e => e.Id).ToListAsync();
        db.CoverageEvents.Add(new CoverageEvent(_reporter.Id, edges[0], edges[1], at.AddSeconds(-20)));
        db.CoverageEvents.Add(new CoverageEvent(_reporter.Id, edges[1], null, at.AddSeconds(-10)));
        await db.SaveChangesAsync();
    }

    private async Task<string> TerminalNameAsync(int terminalId)
    {
        await using var db = Host.Db();
        return await db.Terminals.Where(t => t.Id == terminalId).Select(t => t.Name).SingleAsync();
    }

    [Fact]
    public async Task Render_TerminalsInDatabase_ListsThemWithReliabilityFromParticipations()
    {
        var departedName = await TerminalNameAsync(_departed.TerminalId);
        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-reliability='{_reporter.Name}']")));
        Assert.Equal($"{1.0:P0} (1/1)", cut.Find($"[data-reliability='{_reporter.Name}']").TextContent.Trim());
        Assert.Equal($"{0.0:P0} (0/1)", cut.Find($"[data-reliability='{departedName}']").TextContent.Trim());
        Assert.Equal(20, cut.FindAll("[data-terminal]").Count);
    }

    [Fact]
    public void RenderDetail_TerminalWithHistory_ShowsFieldsCoverageAndRounds()
    {
        var cut = Render<TerminalDetailPage>(p => p.Add(x => x.TerminalId, _reporter.Id));

        cut.WaitForAssertion(() => Assert.Contains(_reporter.Name, cut.Find("h4").TextContent));
        Assert.NotNull(cut.Find("#load-history"));
        Assert.DoesNotContain("No telemetry history", cut.Markup);
        var coverage = cut.Find("[data-testid='coverage']").TextContent;
        Assert.Contains("moved from edge-1 to edge-2", coverage);
        Assert.Contains("left edge-2", coverage);
        var rounds = cut.Find("[data-testid='rounds']");
        Assert.Equal($"rounds/{_round.Id}", rounds.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(0.875.ToString("P1"), rounds.TextContent);
        Assert.Equal("Reported", rounds.QuerySelector("[data-status]")!.TextContent.Trim());
    }

    [Fact]
    public void RenderDetail_UnknownTerminal_SaysThereIsNoSuchTerminal()
    {
        var cut = Render<TerminalDetailPage>(p => p.Add(x => x.TerminalId, 999_999));

        cut.WaitForAssertion(() => Assert.Contains("No such terminal", cut.Find("[data-testid='missing']").TextContent));
    }

    [Fact]
    public async Task RenderRoundDetail_SwapReplacementDeparture_ShowsEachWithItsReason()
    {
        var replacedName = await TerminalNameAsync(_replaced.TerminalId);
        var standbyName = await TerminalNameAsync(_standby.TerminalId);
        var cut = Render<RoundDetailPage>(p => p.Add(x => x.RoundId, _round.Id));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-swap]")));
        Assert.Equal("100% → 50%", cut.Find("[data-swap]").TextContent.Trim());
        Assert.Contains("CPU load 0.92", cut.Markup);
        Assert.Contains("left edge-1's coverage", cut.Find("[data-reason='Departed']").TextContent);
        Assert.Contains("below 50", cut.Find("[data-reason='Replaced']").TextContent);
        Assert.Equal($"replaced by {standbyName}", cut.Find($"[data-replaced-by='{standbyName}']").TextContent.Trim());
        Assert.Equal($"standby for {replacedName}", cut.Find($"[data-replaces='{replacedName}']").TextContent.Trim());
        Assert.Contains("9 / 12", cut.Markup);
    }
}
