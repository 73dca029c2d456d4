using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Telemetry;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Components;

/// <summary>One round by hand in which the edge accepted one result, filtered one after evaluating it and filtered one at intake.</summary>
public sealed class RoundPagesTests : DashboardComponentTest
{
    private const string LowAccuracy = "Validation accuracy 41.2 % below the edge's minimum 60.0 %";
    private const string NaN = "The update contains NaN or infinite values.";

    private Round _round = null!;
    private string _accepted = null!;
    private string _lowAccuracy = null!;
    private string _nan = null!;

    protected override async Task ArrangeAsync()
    {
        var job = await Host.Get<JobLauncher>().LaunchAsync("filter test", TestData.Settings());
        var started = await Host.StartRoundByHandAsync(job.Id);
        var at = DateTimeOffset.UtcNow;
        await using var db = Host.Db();
        _round = await db.Rounds.Include(r => r.Participants).SingleAsync(r => r.Id == started.Id);
        var p = _round.Participants.OrderBy(x => x.Id).ToList();
        p[0].Report("hash-accepted", 120, 0.4, 0.875, at);
        p[0].RecordValidation(0.912);
        p[1].Report("hash-low", 120, 0.4, 0.875, at);
        p[1].RecordValidation(0.412);
        p[1].Filter(LowAccuracy, at);
        p[2].Filter(NaN, at);
        await db.SaveChangesAsync();
        var names = await db.Terminals.ToDictionaryAsync(t => t.Id, t => t.Name);
        (_accepted, _lowAccuracy, _nan) = (names[p[0].TerminalId], names[p[1].TerminalId], names[p[2].TerminalId]);
    }

    private IRenderedComponent<RoundDetailPage> RenderDetail()
    {
        var cut = Render<RoundDetailPage>(parameters => parameters.Add(page => page.RoundId, _round.Id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-participant]")));
        return cut;
    }

    /// <summary>The table row of the participant on this terminal.</summary>
    private static AngleSharp.Dom.IElement Row(IRenderedComponent<RoundDetailPage> cut, string terminal) =>
        cut.Find($"[data-participant='{terminal}']").ParentElement!;

    [Fact]
    public async Task Render_StartTimed_ShowsTheStepWithItsRunsInTheTimeTable()
    {
        // This host runs no background services: stopping the writer writes the start's time that the round queued.
        await Host.Get<StepTimeWriter>().StopAsync(CancellationToken.None);

        var cut = RenderDetail();

        // One run: the central split, in which every edge selects its terminals, as no node of its own serves one here.
        var cells = cut.Find("[data-testid='step-times'] [data-step='Start']").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Selection and start", cells[0]);
        Assert.Matches(@"^\d+(\.\d+)? (ms|s)$", cells[1]);
        Assert.Equal("1", cells[2]);
    }

    [Fact]
    public void Render_ResultFilteredAfterEvaluation_ShowsFilteredChipReasonAndValidationAccuracy()
    {
        var cut = RenderDetail();

        var row = Row(cut, _lowAccuracy);
        Assert.Equal("Filtered", row.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Equal(LowAccuracy, row.QuerySelector("[data-reason='Filtered']")!.TextContent.Trim());
        Assert.Equal(0.412.ToString("P1"), cut.Find($"[data-validation='{_lowAccuracy}']").TextContent.Trim());
    }

    [Fact]
    public void Render_UpdateFilteredAtIntake_ShowsItsReasonAndNoValidationAccuracy()
    {
        var cut = RenderDetail();

        Assert.Equal(NaN, Row(cut, _nan).QuerySelector("[data-reason='Filtered']")!.TextContent.Trim());
        Assert.Equal("–", cut.Find($"[data-validation='{_nan}']").TextContent.Trim());
    }

    [Fact]
    public void Render_AcceptedResult_ShowsItsValidationAccuracyAndNoReason()
    {
        var cut = RenderDetail();

        Assert.Equal(0.912.ToString("P1"), cut.Find($"[data-validation='{_accepted}']").TextContent.Trim());
        Assert.Null(Row(cut, _accepted).QuerySelector("[data-reason]"));
    }

    [Fact]
    public void Render_AcceptedResult_ShowsWhatItTrainedOnWithItsTrainingAccuracyAndLoss()
    {
        var cut = RenderDetail();

        // Reported by hand, without the steps a terminal's progress records: its step count is unknown.
        var training = cut.Find($"[data-training='{_accepted}']");
        Assert.StartsWith("–", training.TextContent.Trim());
        Assert.Equal("120 samples, local data", training.QuerySelector(".reason")!.TextContent.Trim());
        var trainAccuracy = training.NextElementSibling!;
        Assert.StartsWith(0.875.ToString("P1"), trainAccuracy.TextContent.Trim());
        Assert.Equal("loss 0.4000", trainAccuracy.QuerySelector(".reason")!.TextContent.Trim());
    }

    [Fact]
    public void Render_UpdateFilteredAtIntake_ShowsItsDataWithoutASampleCount()
    {
        var cut = RenderDetail();

        Assert.Equal("local data", cut.Find($"[data-training='{_nan}'] .reason").TextContent.Trim());
    }

    [Fact]
    public void Render_RoundWithFilteredResults_CountsAcceptedAndFiltered()
    {
        var cut = RenderDetail();

        Assert.Equal($"· 1 accepted, 2 filtered of {_round.Participants.Count} selected", cut.Find("[data-testid='results']").TextContent.Trim());
    }

    [Fact]
    public void RenderRounds_RoundWithFilteredResults_ListsAcceptedAndFilteredCounts()
    {
        var cut = Render<Rounds>();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-filtered='1']").TextContent.Trim()));
        Assert.Equal($"1 / {_round.Participants.Count}", cut.Find("[data-accepted='1']").TextContent.Trim());
    }

    [Fact]
    public async Task Render_CentralServerTrained_SaysOnHowManySamplesAndWhy()
    {
        await using (var db = Host.Db())
        {
            db.CentralContributions.Add(new CentralContribution(_round.Id, "hash-central", 1_000, 1, _round.Participants.Count, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var cut = RenderDetail();

        Assert.Equal($"The central server trained on 1,000 own samples because only 1 of {_round.Participants.Count} terminals' results were accepted.",
            cut.Find("[data-testid='central-training']").TextContent.Trim());
    }

    [Fact]
    public void Render_CentralServerDidNotTrain_NoNote()
    {
        var cut = RenderDetail();

        Assert.Empty(cut.FindAll("[data-testid='central-training']"));
    }
}
