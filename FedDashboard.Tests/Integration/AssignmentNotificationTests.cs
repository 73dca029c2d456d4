using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// A round's assignments start one training job for the simulated terminals of the edges no node serves (up to
/// <see cref="SimulatedTrainingQueue.MostPerJob"/> of them), and none for an agent, which polls.
/// </summary>
public sealed class AssignmentNotificationTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 4);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartNextRound_SimulatedAndAgentTerminals_OneTrainingJobForTheSimulatedParticipantsOnly()
    {
        for (var i = 0; i < 2; i++)
        {
            var agent = await _host.EnrolAgentAsync();
            await _host.Get<HeartbeatDesk>().BeatAsync(agent.Credential, AgentTerminals.HeartbeatAt(agent.Edge), default);
        }
        await _host.Get<TerminalLiveness>().FlushAsync(default);
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: 1));

        var round = await _host.StartRoundByHandAsync(job.Id);

        await using var db = _host.Db();
        var origins = await db.Terminals.ToDictionaryAsync(t => t.Id, t => t.Origin);
        var assigned = round.Participants.Where(p => p.Status == ParticipantStatus.Assigned).ToList();
        Assert.Contains(assigned, p => origins[p.TerminalId] == TerminalOrigin.Agent);
        var jobs = _host.Get<JobStorage>().GetMonitoringApi().EnqueuedJobs(TrainParticipantsJob.Queue, 0, 1000)
            .Where(j => j.Value.Job?.Type == typeof(TrainParticipantsJob))
            .Select(j => (int[])j.Value.Job.Args[0])
            .ToList();
        var simulated = assigned.Where(p => origins[p.TerminalId] == TerminalOrigin.Simulated).ToList();
        Assert.Equal(simulated.Select(p => p.Id).Order(), jobs.SelectMany(ids => ids).Order());
        Assert.True(simulated.Select(p => p.EdgeId).Distinct().Count() > 1, "the round should have simulated terminals of several edges");
        Assert.Single(jobs);
    }
}
