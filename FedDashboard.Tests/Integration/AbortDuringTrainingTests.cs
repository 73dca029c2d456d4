using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// An abort reaches a terminal that is training: its devices are paced so slowly (5 samples/s, ten minutes for a
/// shard) that the training can only end early because the terminal saw the abort.
/// </summary>
public sealed class AbortDuringTrainingTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20, settings: TestData.CrawlingFleet(samplesPerSecond: 5));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AbortAsync_TerminalTraining_StopsItsTrainingAndNothingIsSubmitted()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("abort", TestData.Settings());
        var round = await _host.StartRoundByHandAsync(job.Id);
        var participant = round.Participants[0];
        var training = Task.Run(() => _host.Get<SimulatedTerminal>().TrainAsync(participant.Id));
        await Eventually.WaitForAsync(async () =>
        {
            await using var db = _host.Db();
            return await db.RoundParticipants.SingleOrDefaultAsync(p => p.Id == participant.Id && p.Status == ParticipantStatus.Training);
        }, TimeSpan.FromSeconds(60), "the terminal to start training");

        await _host.Get<JobControls>().AbortAsync(job.Id, TestData.Operator);

        // Only a hang guard: the paced training would need ten minutes to end on its own.
        await training.WaitAsync(TimeSpan.FromMinutes(2));
        await using var db = _host.Db();
        var stored = await db.RoundParticipants.SingleAsync(p => p.Id == participant.Id);
        Assert.Equal(ParticipantStatus.Cancelled, stored.Status);
        Assert.Null(stored.Result.UpdateHash);
    }
}
