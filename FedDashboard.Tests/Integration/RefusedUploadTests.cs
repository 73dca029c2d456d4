using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

public sealed class RefusedUploadTests
{
    [Fact]
    public async Task TrainAsync_TrainingDivergesToNaN_UploadRefusedAndTheTerminalGivesUpInsteadOfWaitingForTheDeadline()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        // A learning rate of 10 blows the 2NN's weights up to NaN within the round, which the intake refuses.
        var job = await host.Get<JobLauncher>().LaunchAsync("diverging", TestData.Settings(clientFraction: 0.05) with { LearningRate = 10 });
        var round = await host.StartRoundByHandAsync(job.Id);

        await host.Get<SimulatedTerminal>().TrainAsync(round.Participants.Single().Id);

        await using var db = host.Db();
        var participant = await db.RoundParticipants.SingleAsync(p => p.RoundId == round.Id);
        Assert.Equal(ParticipantStatus.Failed, participant.Status);
        Assert.Equal("Refused (non_finite): The parameters contain NaN or infinite values.", participant.FailureReason);
        Assert.Null(participant.Result.UpdateHash);
    }
}
