using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// A round start over a fleet of 2,000 terminals, each edge selecting here (no node serves one): the participants saved
/// in one statement each edge, read back through EF Core; starts run at once assigning nobody twice.
/// </summary>
public sealed class FleetRoundStartTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 2_000);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<List<RoundParticipant>> OpenParticipationsAsync()
    {
        await using var db = _host.Db();
        return await db.RoundParticipants.Where(p => p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training).ToListAsync();
    }

    [Fact]
    public async Task StartNextRoundAsync_TwoThousandTerminals_AssignsEachEdgeExactlyItsShareFromItsModel()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("fleet", TestData.Settings(clientFraction: 0.1));

        var round = await _host.StartRoundByHandAsync(job.Id);

        await using var db = _host.Db();
        var edges = await db.RoundEdges.Where(e => e.RoundId == round.Id).ToListAsync();
        var model = await db.ModelVersions.Where(v => v.Id == round.BaseModelVersionId).Select(v => v.ModelHash).SingleAsync();
        var edgeOf = await db.Terminals.ToDictionaryAsync(t => t.Id, t => t.EdgeId);
        var assigned = round.Participants.Where(p => p.Status == ParticipantStatus.Assigned).ToList();
        Assert.Equal(200, edges.Sum(e => e.Share));
        Assert.All(edges, e => Assert.Equal(e.Share, assigned.Count(p => p.EdgeId == e.EdgeId)));
        Assert.All(edges, e => Assert.True(e.IsSelected));
        Assert.All(round.Participants, p => Assert.Equal(edgeOf[p.TerminalId], p.EdgeId));
        Assert.All(assigned, p =>
        {
            Assert.Equal(model, p.Assignment.BaseModelHash);
            Assert.Equal(job.Settings.DataSource, p.Assignment.DataSource);
            Assert.InRange(p.AssignedAt, round.StartedAt, round.Deadline);
            Assert.Null(p.EndedAt);
        });
        Assert.All(round.Participants.Where(p => p.Status == ParticipantStatus.Declined), p =>
        {
            Assert.False(string.IsNullOrEmpty(p.FailureReason));
            Assert.NotNull(p.EndedAt);
        });
    }

    [Fact]
    public async Task StartNextRoundAsync_SameJobTwiceAtOnce_OneRoundAssignsEachTerminalOnce()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("fleet", TestData.Settings(clientFraction: 0.1));
        var starter = _host.Get<RoundStarter>();

        await Task.WhenAll(Task.Run(() => starter.StartNextRoundAsync(job.Id)), Task.Run(() => starter.StartNextRoundAsync(job.Id)));

        await using var db = _host.Db();
        var round = await db.Rounds.Include(r => r.Edges).SingleAsync(r => r.JobId == job.Id);
        var open = await OpenParticipationsAsync();
        Assert.Equal(round.Edges.Sum(e => e.Share), open.Count);
        Assert.Equal(open.Count, open.Select(p => p.TerminalId).Distinct().Count());
    }

    [Fact]
    public async Task StartNextRoundAsync_TwoJobsAtOnce_NoTerminalIsAssignedTwice()
    {
        var launcher = _host.Get<JobLauncher>();
        var first = await launcher.LaunchAsync("first", TestData.Settings(clientFraction: 0.3));
        var second = await launcher.LaunchAsync("second", TestData.Settings(clientFraction: 0.3));
        var starter = _host.Get<RoundStarter>();

        await Task.WhenAll(Task.Run(() => starter.StartNextRoundAsync(first.Id)), Task.Run(() => starter.StartNextRoundAsync(second.Id)));

        var open = await OpenParticipationsAsync();
        Assert.Equal(2, open.Select(p => p.RoundId).Distinct().Count());
        Assert.Equal(open.Count, open.Select(p => p.TerminalId).Distinct().Count());
    }
}
