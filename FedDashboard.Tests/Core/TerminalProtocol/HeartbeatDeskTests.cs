using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FedDashboard.Tests.Core.TerminalProtocol;

/// <summary>Heartbeats at the desk the HTTP endpoint and the in-process channel share, on the edge's clock.</summary>
public sealed class HeartbeatDeskTests : IAsyncLifetime
{
    private const double HeartbeatSeconds = 5;
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20, clock: _clock,
        settings: new Dictionary<string, string?> { ["Fed:Terminals:HeartbeatSeconds"] = "5" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HeartbeatDesk Desk => _host.Get<HeartbeatDesk>();

    private Task FlushAsync() => _host.Get<TerminalLiveness>().FlushAsync(default);

    public static TheoryData<string, HeartbeatRequest> BadHeartbeats()
    {
        var good = AgentTerminals.Heartbeat(500, 500);
        return new()
        {
            { "x", good with { X = double.NaN } },
            { "y", good with { Y = 1000.5 } },
            { "x", good with { X = double.PositiveInfinity } },
            { "cpuLoad", good with { CpuLoad = 1.2 } },
            { "battery", good with { Battery = -0.1 } },
            { "freeMemoryMb", good with { FreeMemoryMb = -1 } },
            { "app", good with { App = "" } },
            { "app", good with { App = new string('a', 51) } },
            { "dataSamples", good with { DataSamples = -5 } },
            { "dataUpdatedAt", good with { DataUpdatedAt = TestData.Now.AddDays(1) } },
            { "agentVersion", good with { AgentVersion = new string('v', 65) } },
        };
    }

    [Theory]
    [MemberData(nameof(BadHeartbeats))]
    public async Task BeatAsync_FieldOutOfRange_RefusedNamingTheFieldCountedAndNothingWritten(string field, HeartbeatRequest heartbeat)
    {
        var agent = await _host.EnrolAgentAsync();

        var refused = await Assert.ThrowsAsync<TerminalProtocolException>(() => Desk.BeatAsync(agent.Credential, heartbeat, default));
        await FlushAsync();

        Assert.Equal((ProtocolError.InvalidRequest, 400), (refused.Code, refused.Status));
        Assert.Contains(field, refused.Message);
        await using var db = _host.Db();
        Assert.Equal(1, (await db.TerminalRefusalCounts.SingleAsync(r => r.TerminalId == agent.TerminalId && r.Code == ProtocolError.InvalidRequest)).Count);
        Assert.Null((await db.Terminals.SingleAsync(t => t.Id == agent.TerminalId)).OnlineUntil);
    }

    [Fact]
    public async Task BeatAsync_NoCredential_RefusedUnauthenticated()
    {
        var refused = await Assert.ThrowsAsync<TerminalProtocolException>(() => Desk.BeatAsync(null, AgentTerminals.Heartbeat(500, 500), default));

        Assert.Equal(ProtocolError.Unauthenticated, refused.Code);
    }

    [Fact]
    public async Task BeatAsync_FromAnotherEdgesCentre_AnswersTwoIntervalsAndThatEdgeComputedOnTheServer()
    {
        var agent = await _host.EnrolAgentAsync(edge: 0);
        await using var setup = _host.Db();
        var other = await setup.EdgeServers.OrderBy(e => e.Id).Skip(2).FirstAsync();

        var reply = await Desk.BeatAsync(agent.Credential, AgentTerminals.HeartbeatAt(other), default);

        Assert.Equal((TestData.Now.AddSeconds(2 * HeartbeatSeconds), HeartbeatSeconds, (int?)other.Id, (int?)null),
            (reply.OnlineUntil, reply.HeartbeatSeconds, reply.EdgeId, reply.AssignmentId));
    }

    [Fact]
    public async Task BeatAsync_ThenFlush_TerminalStoredWhereAndHowItReported()
    {
        var agent = await _host.EnrolAgentAsync();
        var heartbeat = AgentTerminals.HeartbeatAt(agent.Edge, load: 0.37) with { App = "health", DataSamples = 420, AgentVersion = "agent-1.1" };

        await Desk.BeatAsync(agent.Credential, heartbeat, default);
        await FlushAsync();

        await using var db = _host.Db();
        var terminal = await db.Terminals.SingleAsync(t => t.Id == agent.TerminalId);
        Assert.Equal((true, (int?)agent.Edge.Id, agent.Edge.CenterX, 0.37, "health", 420, "agent-1.1", (DateTimeOffset?)TestData.Now.AddSeconds(10), TestData.Now),
            (terminal.Online, terminal.EdgeId, terminal.PositionX, terminal.CpuLoad, terminal.App, terminal.DataSamples, terminal.AgentVersion, terminal.OnlineUntil, terminal.LastSeen));
    }

    [Fact]
    public async Task BeatAsync_AfterTheFlushFollowingAnAssignment_AnswersTheOpenAssignment()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: 0.1));
        var round = await _host.StartRoundByHandAsync(job.Id);
        var participant = round.Participants.First();
        var credential = _host.Get<SimulatedCredentials>().For(participant.TerminalId)!;
        await using var db = _host.Db();
        var terminal = await db.Terminals.SingleAsync(t => t.Id == participant.TerminalId);
        var heartbeat = AgentTerminals.Heartbeat(terminal.PositionX, terminal.PositionY) with { AgentVersion = "fed-simulated/1" };

        await Desk.BeatAsync(credential, heartbeat, default);
        await FlushAsync();
        var reply = await Desk.BeatAsync(credential, heartbeat, default);

        Assert.Equal(participant.Id, reply.AssignmentId);
    }
}
