using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// An agent's coverage is the edge's reading of the position it reports: it enters and leaves coverage, and its
/// participation departs or goes on under the leave-coverage policy, exactly as a simulated terminal's does.
/// </summary>
public sealed class AgentCoverageTests : IAsyncLifetime
{
    private FedTestHost _host = null!;
    private AgentTerminal _agent = null!;

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        _agent = await _host.EnrolAgentAsync(edge: 0);
        await BeatAsync(AgentTerminals.HeartbeatAt(_agent.Edge));
        // The simulated terminals leave, so the agent is the one the round selects.
        await using var db = _host.Db();
        foreach (var id in await db.Terminals.Where(t => t.Id != _agent.TerminalId).Select(t => t.Id).ToListAsync())
            await _host.Get<HeartbeatDesk>().LeaveAsync(_host.Get<SimulatedCredentials>().For(id), default);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<int?> BeatAsync(global::FedDashboard.Protocol.HeartbeatRequest heartbeat)
    {
        var reply = await _host.Get<HeartbeatDesk>().BeatAsync(_agent.Credential, heartbeat, default);
        await _host.Get<TerminalLiveness>().FlushAsync(default);
        return reply.EdgeId;
    }

    private async Task<RoundParticipant> TrainingAgentAsync(DepartureRule rule)
    {
        await FleetPlacement.SetPolicyAsync(_host, p => p with { OnDeparture = rule });
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: 0.05));
        var round = await _host.StartRoundByHandAsync(job.Id);
        var participant = Assert.Single(round.Participants);
        Assert.Equal(_agent.TerminalId, participant.TerminalId);
        Assert.True(await _host.Get<AssignmentDesk>().StartAsync(participant.Id, DataSource.Local, 0, default));
        return participant;
    }

    [Fact]
    public async Task StartRound_AgentsEnrolledAfterTheLaunch_CountInTheFleetTheClientFractionIsTakenOf()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: 0.25));
        for (var i = 0; i < 19; i++)
        {
            var agent = await _host.EnrolAgentAsync(edge: 0);
            await _host.Get<HeartbeatDesk>().BeatAsync(agent.Credential, AgentTerminals.HeartbeatAt(agent.Edge), default);
        }
        await _host.Get<TerminalLiveness>().FlushAsync(default);

        var round = await _host.StartRoundByHandAsync(job.Id);

        // K = the 21 terminals at the launch + the 19 agents since; a quarter of them, all agents since the simulated terminals left.
        Assert.Equal(10, round.Participants.Count);
    }

    [Fact]
    public async Task SimulatedFleet_HearsOfAnAgentsAssignment_LeavesItToTheAgent()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: 0.05));
        var participant = Assert.Single((await _host.StartRoundByHandAsync(job.Id)).Participants);

        await _host.Get<SimulatedTerminal>().TrainAsync(participant.Id);

        await using var db = _host.Db();
        Assert.Equal(ParticipantStatus.Assigned, (await db.RoundParticipants.SingleAsync(p => p.Id == participant.Id)).Status);
    }

    [Fact]
    public async Task BeatAsync_FromOutsideEveryCoverageWhileTraining_CoverageEventAndTheParticipationDeparts()
    {
        var participant = await TrainingAgentAsync(DepartureRule.Discard);

        var edge = await BeatAsync(AgentTerminals.Heartbeat(0, 0));

        Assert.Null(edge);
        await using var db = _host.Db();
        var departed = await db.RoundParticipants.SingleAsync(p => p.Id == participant.Id);
        Assert.Equal(ParticipantStatus.Departed, departed.Status);
        Assert.Equal($"Left {_agent.Edge.Name}'s coverage to outside every edge's.", departed.FailureReason);
        var coverageEvent = await db.CoverageEvents.SingleAsync(e => e.TerminalId == _agent.TerminalId);
        Assert.Equal((_agent.Edge.Id, (int?)null), (coverageEvent.FromEdgeId, coverageEvent.ToEdgeId));
    }

    [Fact]
    public async Task BeatAsync_FromAnotherEdgeWhileTrainingUnderFinishThroughNewEdge_GoesOnReportingThroughIt()
    {
        var participant = await TrainingAgentAsync(DepartureRule.FinishThroughNewEdge);
        await using var db = _host.Db();
        var other = await db.EdgeServers.OrderBy(e => e.Id).Skip(2).FirstAsync();

        var edge = await BeatAsync(AgentTerminals.HeartbeatAt(other));

        Assert.Equal(other.Id, edge);
        var moved = await db.RoundParticipants.SingleAsync(p => p.Id == participant.Id);
        Assert.Equal((ParticipantStatus.Training, (int?)other.Id), (moved.Status, moved.ReportedThroughEdgeId));
    }
}
