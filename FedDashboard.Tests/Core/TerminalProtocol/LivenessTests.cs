using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting.Jobs;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FedDashboard.Tests.Core.TerminalProtocol;

/// <summary>
/// Terminals online by their heartbeats, on the edge's clock: 5 s between heartbeats, so the seeded fleet (one heartbeat
/// each at the start) is online until 10 s after it. A test keeps terminals alive by heartbeating for them.
/// </summary>
public sealed class LivenessTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20, clock: _clock,
        settings: new Dictionary<string, string?> { ["Fed:Terminals:HeartbeatSeconds"] = "5" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TerminalLiveness Liveness => _host.Get<TerminalLiveness>();

    /// <summary>Every seeded terminal but <paramref name="silent"/> heartbeats from where it is, unloaded and charged.</summary>
    private async Task HeartbeatAllButAsync(params int[] silent)
    {
        await using var db = _host.Db();
        var credentials = _host.Get<SimulatedCredentials>();
        foreach (var terminal in await db.Terminals.Where(t => !silent.Contains(t.Id)).ToListAsync())
            await _host.Get<HeartbeatDesk>().BeatAsync(credentials.For(terminal.Id),
                AgentTerminals.Heartbeat(terminal.PositionX, terminal.PositionY) with { AgentVersion = SimulatedAgentVersion }, default);
    }

    private const string SimulatedAgentVersion = "fed-simulated/1";

    /// <summary>Time passes past the silent terminals' OnlineUntil while the others heartbeat, and a sweep runs.</summary>
    private async Task SilenceAsync(params int[] silent)
    {
        _clock.Advance(TimeSpan.FromSeconds(8));
        await HeartbeatAllButAsync(silent);
        _clock.Advance(TimeSpan.FromSeconds(3));
        await Liveness.SweepAsync(default);
    }

    private async Task<RoundParticipant> StartedParticipantAsync(double clientFraction = 0.1)
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: clientFraction, roundTimeoutSeconds: 600));
        var round = await _host.StartRoundByHandAsync(job.Id);
        var participant = round.Participants.First(p => p.Status == ParticipantStatus.Assigned);
        Assert.True(await _host.Get<AssignmentDesk>().StartAsync(participant.Id, DataSource.Local, 0, default));
        return participant;
    }

    private async Task<RoundParticipant> ParticipantAsync(int id)
    {
        await using var db = _host.Db();
        return await db.RoundParticipants.SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task SweepAsync_TerminalSilentPastOnlineUntil_OfflineAndNotSelected()
    {
        var silent = await FirstTerminalAsync();

        await SilenceAsync(silent);

        await using var check = _host.Db();
        var terminals = await check.Terminals.ToListAsync();
        Assert.Equal([silent], terminals.Where(t => !t.Online).Select(t => t.Id));
        Assert.Equal(TestData.Now.AddSeconds(10), terminals.Single(t => t.Id == silent).OnlineUntil);
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: 1));
        var round = await _host.StartRoundByHandAsync(job.Id);
        Assert.NotEmpty(round.Participants);
        Assert.DoesNotContain(round.Participants, p => p.TerminalId == silent);
    }

    [Fact]
    public async Task SweepAsync_TerminalStillWithinOnlineUntil_StaysOnline()
    {
        _clock.Advance(TimeSpan.FromSeconds(9));

        await Liveness.SweepAsync(default);

        await using var db = _host.Db();
        Assert.True(await db.Terminals.AllAsync(t => t.Online));
    }

    [Fact]
    public async Task SweepAsync_HeartbeatAnsweredButNotYetWritten_KeepsItsTerminalOnlineAndWritesIt()
    {
        var late = await FirstTerminalAsync();
        _clock.Advance(TimeSpan.FromSeconds(11));
        await HeartbeatAllButAsync([.. Enumerable.Range(late + 1, 1_000)]);

        await Liveness.SweepAsync(default);

        await using var check = _host.Db();
        var terminals = await check.Terminals.ToListAsync();
        Assert.Equal([late], terminals.Where(t => t.Online).Select(t => t.Id));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(10), terminals.Single(t => t.Id == late).OnlineUntil);
    }

    [Fact]
    public async Task SweepAsync_TrainingTerminalSilent_TimedOutAtOnceAndTheRoundAggregates()
    {
        var participant = await StartedParticipantAsync(clientFraction: 0.05);

        await SilenceAsync(participant.TerminalId);

        var ended = await ParticipantAsync(participant.Id);
        Assert.Equal((ParticipantStatus.TimedOut, (DateTimeOffset?)_clock.GetUtcNow()), (ended.Status, ended.EndedAt));
        Assert.StartsWith($"Silent since {TestData.Now:u}: no heartbeat by {TestData.Now.AddSeconds(10):u}", ended.FailureReason);
        await using var db = _host.Db();
        Assert.True((await db.Rounds.SingleAsync(r => r.Id == ended.RoundId)).Deadline > _clock.GetUtcNow().AddMinutes(5));
        Assert.Contains(_host.Get<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1000),
            j => j.Value.Job?.Type == typeof(AggregateRoundJob) && Equals(j.Value.Job.Args[0], ended.RoundId));
    }

    [Fact]
    public async Task SweepAsync_TrainingTerminalSilentWhereTheEdgeReplaces_TimedOutAndAStandbyTakesItsPlace()
    {
        await FleetPlacement.SetPolicyAsync(_host, p => p with { ReplaceBelowSpeed = 1 });
        var participant = await StartedParticipantAsync(clientFraction: 0.05);

        await SilenceAsync(participant.TerminalId);

        await using var db = _host.Db();
        var round = await db.RoundParticipants.Where(p => p.RoundId == participant.RoundId).ToListAsync();
        var silent = round.Single(p => p.Id == participant.Id);
        var standby = round.Single(p => p.ReplacesParticipantId == participant.Id);
        Assert.Equal(ParticipantStatus.TimedOut, silent.Status);
        Assert.StartsWith("Silent since", silent.FailureReason);
        Assert.Equal((ParticipantStatus.Assigned, participant.EdgeId, participant.Assignment.BaseModelHash),
            (standby.Status, standby.EdgeId, standby.Assignment.BaseModelHash));
        Assert.NotEqual(participant.TerminalId, standby.TerminalId);
        Assert.True((await db.Terminals.SingleAsync(t => t.Id == standby.TerminalId)).Online);
    }

    [Fact]
    public async Task LeaveAsync_TerminalWithAnOpenAssignment_OfflineAtOnceAndTheAssignmentFailedAsLeft()
    {
        var participant = await StartedParticipantAsync();
        var credential = _host.Get<SimulatedCredentials>().For(participant.TerminalId);
        await using (var db = _host.Db())
        {
            var terminal = await db.Terminals.SingleAsync(t => t.Id == participant.TerminalId);
            await _host.Get<HeartbeatDesk>().BeatAsync(credential, AgentTerminals.Heartbeat(terminal.PositionX, terminal.PositionY) with { AgentVersion = SimulatedAgentVersion }, default);
        }

        await _host.Get<HeartbeatDesk>().LeaveAsync(credential, default);
        await Liveness.FlushAsync(default);

        var ended = await ParticipantAsync(participant.Id);
        Assert.Equal(ParticipantStatus.Failed, ended.Status);
        Assert.StartsWith("Left", ended.FailureReason);
        await using var check = _host.Db();
        var left = await check.Terminals.SingleAsync(t => t.Id == participant.TerminalId);
        Assert.Equal((false, (DateTimeOffset?)TestData.Now), (left.Online, left.OnlineUntil));
    }

    [Fact]
    public async Task LeaveAsync_WhileARoundStartHoldsTheTerminalsItRead_ItsNewAssignmentFailsAsLeft()
    {
        var terminalId = await FirstTerminalAsync();
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: 1, roundTimeoutSeconds: 600));

        await GoOfflineWhilePickingAsync("Rounds", () => _host.StartRoundByHandAsync(job.Id), () => LeaveAsync(terminalId));

        var assigned = await ParticipationInJobAsync(terminalId, job.Id);
        Assert.Equal(ParticipantStatus.Failed, assigned.Status);
        Assert.StartsWith("Left", assigned.FailureReason);
    }

    [Fact]
    public async Task SweepAsync_WhileARoundStartHoldsTheTerminalsItRead_ItsNewAssignmentTimesOut()
    {
        var terminalId = await FirstTerminalAsync();
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: 1, roundTimeoutSeconds: 600));
        _clock.Advance(TimeSpan.FromSeconds(8));
        await HeartbeatAllButAsync(terminalId);
        _clock.Advance(TimeSpan.FromSeconds(3));

        await GoOfflineWhilePickingAsync("Rounds", () => _host.StartRoundByHandAsync(job.Id), () => Liveness.SweepAsync(default));

        var assigned = await ParticipationInJobAsync(terminalId, job.Id);
        Assert.Equal(ParticipantStatus.TimedOut, assigned.Status);
        Assert.StartsWith("Silent since", assigned.FailureReason);
    }

    [Fact]
    public async Task LeaveAsync_WhileAStandbyIsPickedForASlowTerminal_TheStandbysAssignmentFailsAsLeft()
    {
        await FleetPlacement.SetPolicyAsync(_host, p => p with { ReplaceBelowSpeed = 1 });
        var slow = await StartedParticipantAsync(clientFraction: 0.05);
        List<int> standbys;
        await using (var db = _host.Db())
            standbys = await db.Terminals.Where(t => t.EdgeId == slow.EdgeId && t.Id != slow.TerminalId).Select(t => t.Id).ToListAsync();

        await GoOfflineWhilePickingAsync("RoundParticipants",
            () => _host.Get<StandbyReplacement>().TryReplaceAsync(slow.Id, "Too slow.", default),
            () => Task.WhenAll(standbys.Select(LeaveAsync)));

        await using var check = _host.Db();
        var standby = await check.RoundParticipants.SingleAsync(p => p.ReplacesParticipantId == slow.Id);
        Assert.Equal(ParticipantStatus.Failed, standby.Status);
        Assert.StartsWith("Left", standby.FailureReason);
    }

    private async Task<int> FirstTerminalAsync()
    {
        await using var db = _host.Db();
        return await db.Terminals.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
    }

    private Task LeaveAsync(int terminalId) => _host.Get<HeartbeatDesk>().LeaveAsync(_host.Get<SimulatedCredentials>().For(terminalId), default);

    private async Task<RoundParticipant> ParticipationInJobAsync(int terminalId, int jobId)
    {
        await using var db = _host.Db();
        return await db.RoundParticipants.SingleAsync(p => p.TerminalId == terminalId && db.Rounds.Any(r => r.Id == p.RoundId && r.JobId == jobId));
    }

    /// <summary>
    /// <paramref name="picking"/> reads the idle terminals and is held before it saves its assignments into
    /// <paramref name="savedInto"/>; then <paramref name="goingOffline"/> runs, and the picking goes on once that has ended
    /// or waits for it. Without the wait, a terminal went offline between the read and the save, found no participation
    /// to end, and the one saved after waited for the round's deadline.
    /// </summary>
    private async Task GoOfflineWhilePickingAsync(string savedInto, Func<Task> picking, Func<Task> goingOffline)
    {
        Task picked;
        Task offline;
        await using (var saving = await LockWaiters.HoldAsync(_host.ConnectionString, $"LOCK TABLE \"{savedInto}\" IN EXCLUSIVE MODE"))
        {
            picked = picking();
            await saving.UntilWaitingAsync(1);
            offline = goingOffline();
            await Task.WhenAny(offline, saving.UntilWaitingAsync(2));
            await saving.ReleaseAsync();
        }
        await picked;
        await offline;
    }

    [Fact]
    public async Task LeaveAsync_NoCredential_RefusedAndNobodyLeaves()
    {
        var refused = await Assert.ThrowsAsync<TerminalProtocolException>(() => _host.Get<HeartbeatDesk>().LeaveAsync("fdt_unknown", default));

        Assert.Equal(ProtocolError.Unauthenticated, refused.Code);
        await using var db = _host.Db();
        Assert.True(await db.Terminals.AllAsync(t => t.Online));
    }
}
