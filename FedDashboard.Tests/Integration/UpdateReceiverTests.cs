using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// The intake's last step: recording a checked upload once, or refusing one that is no longer the terminal's to send. What an
/// upload holds (shapes, NaN, size, hash, claims) is checked before, by the protocol's result intake: HostileUploadTests.
/// </summary>
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

    [Fact]
    public async Task SubmitAsync_WithUploadKey_KeptWithTheResult()
    {
        var outcome = await _host.Get<UpdateReceiver>().SubmitAsync(
            new TerminalUpdate(_participant.Id, _participant.TerminalId, _baseModel, 3000, 0.5, 0.8, 1000, UploadKey: "key-1"));

        Assert.True(outcome.Accepted, outcome.Message);
        await using var db = _host.Db();
        var stored = await db.RoundParticipants.SingleAsync(p => p.Id == _participant.Id);
        Assert.Equal((ParticipantStatus.Reported, "key-1"), (stored.Status, stored.UploadKey));
    }

    [Fact]
    public async Task SubmitAsync_AcceptedResult_ItsValidationAccuracyMeasuredAsItArrivesWhileTheRoundCollects()
    {
        var trained = WithFirstValue(0.25f);

        var outcome = await SubmitAsync(trained);

        Assert.True(outcome.Accepted, outcome.Message);
        var expected = ModelEvaluator.Evaluate(new ModelSpec(ModelArchitecture.Mlp2NN), trained, _host.Get<FederatedData>().Validation).Accuracy;
        await using var db = _host.Db();
        var stored = await db.RoundParticipants.SingleAsync(p => p.Id == _participant.Id);
        Assert.Equal(expected, stored.Result.ValidationAccuracy);
        Assert.Equal(RoundPhase.Collecting, (await db.Rounds.SingleAsync(r => r.Id == _participant.RoundId)).Phase);
    }

    [Fact]
    public async Task SubmitAsync_ModelNarrowedSinceTheUploadWasChecked_WrongShapeAndNothingRecorded()
    {
        await using (var db = _host.Db())
        {
            var participant = await db.RoundParticipants.SingleAsync(p => p.Id == _participant.Id);
            participant.Start(DateTimeOffset.UtcNow);
            participant.SwapTo(0.5, "CPU load 95 %", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var outcome = await SubmitAsync(_baseModel);

        Assert.Equal((false, ProtocolError.WrongShape), (outcome.Accepted, outcome.Code));
        await using var check = _host.Db();
        var stored = await check.RoundParticipants.SingleAsync(p => p.Id == _participant.Id);
        Assert.Equal((ParticipantStatus.Training, null), (stored.Status, stored.Result.UpdateHash));
    }

    [Fact]
    public async Task SubmitAsync_AfterTheRoundClosed_RoundClosedAndNothingChanges()
    {
        await using (var db = _host.Db())
        {
            var round = await db.Rounds.SingleAsync(r => r.Id == _participant.RoundId);
            round.BeginAggregation(RoundEndReason.DeadlineReached);
            await db.SaveChangesAsync();
        }

        var outcome = await SubmitAsync(_baseModel);

        Assert.Equal((false, ProtocolError.RoundClosed), (outcome.Accepted, outcome.Code));
        Assert.Contains("no longer accepts updates", outcome.Message);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task SubmitAsync_OtherTerminalsUpload_NotYourAssignmentAndNothingChanges()
    {
        var outcome = await SubmitAsync(_baseModel, terminalId: _participant.TerminalId + 1);

        Assert.Equal((false, ProtocolError.NotYourAssignment), (outcome.Accepted, outcome.Code));
        Assert.Contains("has no assignment", outcome.Message);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task SubmitAsync_SecondUploadOfSameAssignment_AlreadyReported()
    {
        var first = await SubmitAsync(_baseModel);

        var second = await SubmitAsync(WithFirstValue(1f));

        Assert.True(first.Accepted, first.Message);
        Assert.Equal((false, ProtocolError.AlreadyReported), (second.Accepted, second.Code));
        Assert.Contains("already Reported", second.Message);
    }
}
