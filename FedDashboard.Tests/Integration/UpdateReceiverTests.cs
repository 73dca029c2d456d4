using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

public sealed class UpdateReceiverTests : IAsyncLifetime
{
    private FedTestHost _host = null!;
    private RoundParticipant _participant = null!;
    private ParameterSet _baseModel = null!;

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings());
        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);
        await using var db = _host.Db();
        _participant = await db.RoundParticipants.OrderBy(p => p.Id).FirstAsync();
        _baseModel = _host.Get<ModelBlobStore>().Get(_participant.Assignment.BaseModelHash);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<UpdateOutcome> SubmitAsync(ParameterSet parameters, int? terminalId = null, int samples = 3000) =>
        _host.Get<UpdateReceiver>().SubmitAsync(new TerminalUpdate(_participant.Id, terminalId ?? _participant.TerminalId, parameters, samples, 0.5, 0.8, 1000));

    private async Task AssertUnchangedAsync()
    {
        await using var db = _host.Db();
        var stored = await db.RoundParticipants.SingleAsync(p => p.Id == _participant.Id);
        Assert.Equal(ParticipantStatus.Assigned, stored.Status);
        Assert.Null(stored.Result.UpdateHash);
    }

    private ParameterSet WithFirstValue(float value)
    {
        var arrays = _baseModel.Arrays.Select(a => a with { Values = (float[])a.Values.Clone() }).ToList();
        arrays[0].Values[0] = value;
        return new ParameterSet(arrays);
    }

    /// <summary>The assignment ended as filtered with the reason, and the upload's parameters were not kept.</summary>
    private async Task AssertFilteredAsync(UpdateOutcome outcome, ParameterSet upload, string reason)
    {
        Assert.False(outcome.Accepted);
        Assert.Contains("filtered", outcome.Message);
        await using var db = _host.Db();
        var stored = await db.RoundParticipants.SingleAsync(p => p.Id == _participant.Id);
        Assert.Equal(ParticipantStatus.Filtered, stored.Status);
        Assert.Contains(reason, stored.FilterReason);
        Assert.Null(stored.Result.UpdateHash);
        using var elsewhere = new TempFolder();
        Assert.False(_host.Get<ModelBlobStore>().Exists(new ModelBlobStore(elsewhere.Path).Put(upload)));
    }

    [Fact]
    public async Task SubmitAsync_NaNInUpdate_FilteredWithReasonAndParametersNotKept()
    {
        var upload = WithFirstValue(float.NaN);

        var outcome = await SubmitAsync(upload);

        await AssertFilteredAsync(outcome, upload, "NaN or infinite");
    }

    [Fact]
    public async Task SubmitAsync_InfinityInUpdate_FilteredWithReason()
    {
        var upload = WithFirstValue(float.PositiveInfinity);

        var outcome = await SubmitAsync(upload);

        await AssertFilteredAsync(outcome, upload, "NaN or infinite");
    }

    [Fact]
    public async Task SubmitAsync_WrongShape_FilteredWithReasonAndParametersNotKept()
    {
        var upload = new ParameterSet(_baseModel.Arrays.Take(1).ToList());

        var outcome = await SubmitAsync(upload);

        await AssertFilteredAsync(outcome, upload, "shapes differ");
    }

    [Fact]
    public async Task SubmitAsync_NaNInUpdateThenAggregated_NeverReachesTheAggregate()
    {
        await SubmitAsync(WithFirstValue(float.NaN));
        await using (var db = _host.Db())
        {
            foreach (var other in await db.RoundParticipants.Where(p => p.RoundId == _participant.RoundId && p.Id != _participant.Id).ToListAsync())
                other.Fail("ended by the test", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        await _host.Get<RoundAggregator>().AggregateAsync(_participant.RoundId);

        await using var check = _host.Db();
        Assert.Equal(RoundPhase.Completed, (await check.Rounds.SingleAsync(r => r.Id == _participant.RoundId)).Phase);
        Assert.Empty(await check.EdgeAggregates.Where(a => a.RoundId == _participant.RoundId).ToListAsync());
        Assert.Empty(await check.RewardEntries.Where(r => r.RoundId == _participant.RoundId).ToListAsync());
    }

    [Fact]
    public async Task SubmitAsync_NoSamples_RejectedAndNothingChanges()
    {
        var outcome = await SubmitAsync(_baseModel, samples: 0);

        Assert.False(outcome.Accepted);
        Assert.Contains("Samples must be positive", outcome.Message);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task SubmitAsync_NaNAfterTheRoundClosed_RejectedAndNothingChanges()
    {
        await using (var db = _host.Db())
        {
            var round = await db.Rounds.SingleAsync(r => r.Id == _participant.RoundId);
            round.BeginAggregation(RoundEndReason.DeadlineReached);
            await db.SaveChangesAsync();
        }

        var outcome = await SubmitAsync(WithFirstValue(float.NaN));

        Assert.False(outcome.Accepted);
        Assert.Contains("no longer accepts updates", outcome.Message);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task SubmitAsync_OtherTerminalsNaNUpload_RejectedAndNothingChanges()
    {
        var outcome = await SubmitAsync(WithFirstValue(float.NaN), terminalId: _participant.TerminalId + 1);

        Assert.False(outcome.Accepted);
        Assert.Contains("has no assignment", outcome.Message);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task SubmitAsync_SecondUploadOfSameAssignment_Rejected()
    {
        var first = await SubmitAsync(_baseModel);

        var second = await SubmitAsync(WithFirstValue(1f));

        Assert.True(first.Accepted, first.Message);
        Assert.False(second.Accepted);
        Assert.Contains("already Reported", second.Message);
    }
}
