using FedDashboard.Core.Learning;
using FedDashboard.Core.Orchestration;
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
        _baseModel = _host.Get<ModelBlobStore>().Get(_participant.BaseModelHash);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<UpdateOutcome> SubmitAsync(ParameterSet parameters, int? terminalId = null, int samples = 3000) =>
        _host.Get<UpdateReceiver>().SubmitAsync(new TerminalUpdate(_participant.Id, terminalId ?? _participant.TerminalId, parameters, samples, 0.5, 0.8, 1000));

    private async Task AssertUnchangedAsync()
    {
        await using var db = _host.Db();
        var stored = await db.RoundParticipants.SingleAsync(p => p.Id == _participant.Id);
        Assert.Equal(ParticipantStatus.Assigned, stored.Status);
        Assert.Null(stored.UpdateHash);
    }

    private ParameterSet WithFirstValue(float value)
    {
        var arrays = _baseModel.Arrays.Select(a => a with { Values = (float[])a.Values.Clone() }).ToList();
        arrays[0].Values[0] = value;
        return new ParameterSet(arrays);
    }

    [Fact]
    public async Task SubmitAsync_NaNInUpdate_RejectedAndNothingChanges()
    {
        var outcome = await SubmitAsync(WithFirstValue(float.NaN));

        Assert.False(outcome.Accepted);
        Assert.Contains("NaN or infinite", outcome.Message);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task SubmitAsync_WrongShape_RejectedAndNothingChanges()
    {
        var outcome = await SubmitAsync(new ParameterSet(_baseModel.Arrays.Take(1).ToList()));

        Assert.False(outcome.Accepted);
        Assert.Contains("shapes differ", outcome.Message);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task SubmitAsync_OtherTerminal_RejectedAndNothingChanges()
    {
        var outcome = await SubmitAsync(_baseModel, terminalId: _participant.TerminalId + 1);

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
