using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Segments;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>A simulated terminal's training in a round, for real on MNIST, at the server's speed.</summary>
public sealed class TerminalTrainingTests : IAsyncLifetime
{
    private FedTestHost _host = null!;
    private Round _round = null!;

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: 0.05));
        _round = await _host.StartRoundByHandAsync(job.Id);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private RoundParticipant Participant => _round.Participants.Single();

    private async Task SetLoadAsync(int terminalId, double load)
    {
        await using var db = _host.Db();
        var terminal = await db.Terminals.SingleAsync(t => t.Id == terminalId);
        terminal.ReportTelemetry(load, terminal.Battery, terminal.FreeMemoryMb, online: true, TestData.Now);
        await db.SaveChangesAsync();
    }

    private async Task<RoundParticipant> StoredAsync(int participantId)
    {
        await using var db = _host.Db();
        return await db.RoundParticipants.SingleAsync(p => p.Id == participantId);
    }

    [Fact]
    public async Task TrainAsync_LoadAboveBusy_DoesFewerStepsAndCountsFewerSamples()
    {
        await SetLoadAsync(Participant.TerminalId, 0.7);

        await _host.Get<SimulatedTerminal>().TrainAsync(Participant.Id);

        var stored = await StoredAsync(Participant.Id);
        Assert.Equal(ParticipantStatus.Reported, stored.Status);
        // A shard is the 59,000 images outside the validation sample over 20 terminals: 2,950, or 295 steps of batch 10.
        Assert.Equal((295, 221), (stored.Work.PlannedSteps, stored.Work.StepsDone));
        Assert.Equal(2210, stored.Result.Samples);
    }

    [Fact]
    public async Task TrainAsync_TakenUpByARunThatDied_TrainsItAgainAndReports()
    {
        await SetLoadAsync(Participant.TerminalId, 0.1);
        // A run of the training step accepted the assignment, then died with its node before it uploaded.
        var credential = _host.Get<SimulatedCredentials>().For(Participant.TerminalId);
        await _host.Get<WorkDesk>().DecideAsync(credential, Participant.Id, new Decision(true, null), default);
        Assert.Equal(ParticipantStatus.Training, (await StoredAsync(Participant.Id)).Status);

        await _host.Get<SimulatedTerminal>().TrainAsync(Participant.Id);

        var stored = await StoredAsync(Participant.Id);
        Assert.Equal(ParticipantStatus.Reported, stored.Status);
        Assert.Equal(295, stored.Work.StepsDone);
        Assert.NotNull(stored.Result.UpdateHash);
    }

    [Fact]
    public async Task TrainAsync_IdleTerminal_DoesAllPlannedSteps()
    {
        await SetLoadAsync(Participant.TerminalId, 0.1);

        await _host.Get<SimulatedTerminal>().TrainAsync(Participant.Id);

        var stored = await StoredAsync(Participant.Id);
        Assert.Equal((295, 295), (stored.Work.PlannedSteps, stored.Work.StepsDone));
    }

    [Fact]
    public async Task TrainAsync_LoadAboveSwapLevel_SwapsToNextNarrowerTierAndNarrowerResultIsAccepted()
    {
        await SetLoadAsync(Participant.TerminalId, 0.9);

        await _host.Get<SimulatedTerminal>().TrainAsync(Participant.Id);

        var stored = await StoredAsync(Participant.Id);
        Assert.Equal(ParticipantStatus.Reported, stored.Status);
        Assert.Equal((1.0, 0.5), (stored.Assignment.Width, stored.Work.Width));
        Assert.Contains("CPU load 90", stored.Work.SwapReason);
        Assert.Equal([100, 784], _host.Get<ModelBlobStore>().Get(stored.Result.UpdateHash!)["fc1.weight"].Shape);
    }

    [Fact]
    public async Task AggregateAsync_SwappedResult_CountsForItsNarrowerBlockOnly()
    {
        await SetLoadAsync(Participant.TerminalId, 0.9);
        await _host.Get<SimulatedTerminal>().TrainAsync(Participant.Id);

        await _host.Get<RoundAggregator>().AggregateAsync(_round.Id);

        await using var db = _host.Db();
        var version = await db.ModelVersions.SingleAsync(v => v.RoundId == _round.Id);
        var blobs = _host.Get<ModelBlobStore>();
        var start = blobs.Get(Participant.Assignment.BaseModelHash)["fc1.weight"].Values;
        var result = blobs.Get(version.ModelHash)["fc1.weight"].Values;
        const int trainedRows = 100, columns = 784;
        Assert.NotEqual(start[..(trainedRows * columns)], result[..(trainedRows * columns)]);
        Assert.Equal(start[(trainedRows * columns)..], result[(trainedRows * columns)..]);
    }

    [Fact]
    public async Task TrainAsync_SlowerThanEdgeReference_ReplacedByStandbyOfTheSameEdge()
    {
        await FleetPlacement.SetPolicyAsync(_host, p => p with { ReplaceBelowSpeed = 1e12 });

        await _host.Get<SimulatedTerminal>().TrainAsync(Participant.Id);

        await using var db = _host.Db();
        var participants = await db.RoundParticipants.Where(p => p.RoundId == _round.Id).OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(ParticipantStatus.Replaced, participants[0].Status);
        Assert.Contains("below the edge's reference", participants[0].FailureReason);
        var standby = Assert.Single(participants.Skip(1));
        Assert.Equal((participants[0].Id, participants[0].EdgeId, ParticipantStatus.Assigned), (standby.ReplacesParticipantId, standby.EdgeId, standby.Status));
        Assert.NotEqual(participants[0].TerminalId, standby.TerminalId);
        Assert.Equal(participants[0].Assignment.BaseModelHash, standby.Assignment.BaseModelHash);
    }

    [Fact]
    public async Task TrainAsync_ParticipantWithSegment_ChangesOnlyThatLayer()
    {
        var participant = await AddParticipantAsync(segment: "fc2");

        await _host.Get<SimulatedTerminal>().TrainAsync(participant.Id);

        var stored = await StoredAsync(participant.Id);
        var blobs = _host.Get<ModelBlobStore>();
        var start = blobs.Get(stored.Assignment.BaseModelHash);
        var result = blobs.Get(stored.Result.UpdateHash!);
        Assert.All(start.Arrays, array =>
        {
            if (ModelSegments.SegmentOf(array.Name) == "fc2") Assert.NotEqual(array.Values, result[array.Name].Values);
            else Assert.Equal(array.Values, result[array.Name].Values);
        });
    }

    /// <summary>A second participant in the round, as a segmenting round starter would assign it.</summary>
    private async Task<RoundParticipant> AddParticipantAsync(string segment)
    {
        await using var db = _host.Db();
        var round = await db.Rounds.SingleAsync(r => r.Id == _round.Id);
        var terminal = await db.Terminals.OrderBy(t => t.Id).FirstAsync(t => t.EdgeId != null && t.Id != Participant.TerminalId);
        var participant = new RoundParticipant(terminal.Id, terminal.EdgeId!.Value, Participant.Assignment.BaseModelHash, "full", TestData.Now, segment: segment);
        round.Participants.Add(participant);
        await db.SaveChangesAsync();
        return participant;
    }
}
