using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>The terminal-facing desk a networked terminal will use, driven here without the simulated fleet.</summary>
public sealed class AssignmentDeskTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FindAsync_AssignedParticipant_ReturnsItsModelWidthAndTerminal()
    {
        var participant = await AssignedAsync();

        var assignment = await _host.Get<AssignmentDesk>().FindAsync(participant.Id, CancellationToken.None);

        Assert.NotNull(assignment);
        Assert.Equal((participant.Assignment.BaseModelHash, participant.Work.Width, participant.TerminalId),
            (assignment.BaseModelHash, assignment.Part.Width, assignment.Terminal.Id));
    }

    [Fact]
    public async Task StartAsync_SecondTime_FalseAndFindAsyncStillOffersTheTraining()
    {
        var participant = await AssignedAsync();
        var desk = _host.Get<AssignmentDesk>();

        Assert.True(await desk.StartAsync(participant.Id, DataSource.Local, sharedSamples: 0, CancellationToken.None));
        Assert.False(await desk.StartAsync(participant.Id, DataSource.Local, sharedSamples: 0, CancellationToken.None));
        // A run of the training step that died after taking it up leaves it to the next run.
        Assert.Equal(participant.Id, (await desk.FindAsync(participant.Id, CancellationToken.None))?.ParticipantId);
    }

    [Fact]
    public async Task FindAsync_EndedParticipant_Null()
    {
        var participant = await AssignedAsync();
        var desk = _host.Get<AssignmentDesk>();

        await desk.FailAsync(participant.Id, "The terminal left.", CancellationToken.None);

        Assert.Null(await desk.FindAsync(participant.Id, CancellationToken.None));
    }

    [Fact]
    public async Task FailAsync_OpenParticipant_FailedWithTheReason()
    {
        var participant = await AssignedAsync();

        await _host.Get<AssignmentDesk>().FailAsync(participant.Id, "The terminal left.", CancellationToken.None);

        await using var db = _host.Db();
        var failed = await db.RoundParticipants.SingleAsync(p => p.Id == participant.Id);
        Assert.Equal((ParticipantStatus.Failed, "The terminal left."), (failed.Status, failed.FailureReason));
    }

    private async Task<RoundParticipant> AssignedAsync()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("desk", TestData.Settings(clientFraction: 0.05));
        var round = await _host.StartRoundByHandAsync(job.Id);
        return round.Participants.Single();
    }
}
