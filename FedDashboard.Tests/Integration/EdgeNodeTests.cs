using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting.Jobs;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Tests.Shared;
using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Tests.Integration;

/// <summary>Nodes started as an edge's node beside a full node on one database, with real Hangfire servers.</summary>
public sealed class EdgeNodeTests
{
    private static Dictionary<string, string?> Node(string name, string? edge = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Fed:Node:Name"] = name,
            ["Fed:Node:HeartbeatSeconds"] = "1",
            ["Fed:Node:LeaseSeconds"] = "10",
            ["Fed:Node:GoneAfterSeconds"] = "10",
        };
        if (edge is not null) (settings["Fed:Node:Role"], settings["Fed:Node:Edge"]) = ("edge", edge);
        return settings;
    }

    [Fact]
    public async Task Prepare_RoleEdgeWithoutEdge_StopsNamingTheKeyAndTheSwitch()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() =>
            FedTestHost.StartAsync(runWorkers: false, settings: new Dictionary<string, string?> { ["Fed:Node:Role"] = "edge" }));

        Assert.Contains("Fed:Node:Edge must name the edge an edge node serves (e.g. Fed:Node:Edge=edge-3, or start the node with --edge edge-3)", error.Message);
    }

    [Fact]
    public async Task Prepare_EdgeWithRoleAll_StopsSayingEdgeIsOnlyForRoleEdge()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => FedTestHost.StartAsync(runWorkers: false,
            settings: new Dictionary<string, string?> { ["Fed:Node:Role"] = "all", ["Fed:Node:Edge"] = "edge-2" }));

        Assert.Contains("Fed:Node:Edge ('edge-2') is only for Role edge, and Role is 'all'", error.Message);
    }

    [Fact]
    public async Task Prepare_EdgeNodeSaidToBeAlone_StopsSayingAnEdgeNodeNeverIs()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => FedTestHost.StartAsync(runWorkers: false,
            settings: new Dictionary<string, string?> { ["Fed:Node:Role"] = "edge", ["Fed:Node:Edge"] = "edge-2", ["Fed:Node:Alone"] = "true" }));

        Assert.Contains("Fed:Node:Alone is for a node with the database to itself, and an edge node works beside a full node", error.Message);
    }

    [Theory]
    [InlineData("true", false)]
    [InlineData("false", true)]
    public async Task Start_NodeAloneOrNot_ItsWorkersListenForOtherNodesJobsOnlyWhenNot(string alone, bool listens)
    {
        await using var node = await FedTestHost.StartAsync(runWorkers: true, settings: new Dictionary<string, string?> { ["Fed:Node:Alone"] = alone });
        await using var db = node.Db();

        // Idle workers wait in Hangfire's dequeue; one that listens holds a connection whose last statement was LISTEN.
        await Eventually.WaitForAsync(async () => await LastStatementsAsync(db, "%hangfire%jobqueue%") > 0 ? "" : null,
            TimeSpan.FromSeconds(30), "the workers to query the queue");
        if (listens)
            await Eventually.WaitForAsync(async () => await LastStatementsAsync(db, "LISTEN%") > 0 ? "" : null, TimeSpan.FromSeconds(30), "a worker to listen");
        else
            Assert.Equal(0, await LastStatementsAsync(db, "LISTEN%"));
    }

    [Fact]
    public async Task Beat_NodeStartedAloneAndAnotherNodeBeats_WarnsOnceNamingIt()
    {
        var aloneNode = Node("alone");
        aloneNode["Fed:Node:Alone"] = "true";
        await using var alone = await FedTestHost.StartAsync(runWorkers: true, settings: aloneNode);
        using var log = new CapturedLog();
        alone.Get<ILoggerFactory>().AddProvider(log);

        var otherNode = Node("other");
        otherNode["Fed:Node:Alone"] = "false";
        await using var other = await alone.StartNodeAsync(otherNode);

        await Eventually.WaitForAsync(() => Task.FromResult(AloneWarnings(log) is { Count: > 0 } found ? found : null),
            TimeSpan.FromSeconds(30), "the node started alone to warn");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Contains("This node was started alone on its database (Fed:Node:Alone), but other heartbeat there too", Assert.Single(AloneWarnings(log)));
    }

    private static List<string> AloneWarnings(CapturedLog log) => [.. log.AtLeast(LogLevel.Warning).Where(line => line.Contains("started alone", StringComparison.Ordinal))];

    [Fact]
    public async Task Beat_NodeStartedAloneBesideTheRowOfAKilledNode_DoesNotWarn()
    {
        var aloneNode = Node("alone");
        aloneNode["Fed:Node:Alone"] = "true";
        await using var alone = await FedTestHost.StartAsync(runWorkers: true, settings: aloneNode);
        await using (var db = alone.Db())
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ClusterNodes" ("Name", "Role", "Queues", "Version", "StartedAt", "LastHeartbeat", "ClockOffsetMs")
                VALUES ('killed', 'All', ARRAY['default'], 'test', now(), now(), 0)
                """);
        using var log = new CapturedLog();
        alone.Get<ILoggerFactory>().AddProvider(log);

        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Empty(AloneWarnings(log));
    }

    private static Task<int> LastStatementsAsync(FedDbContext db, string like) => db.Database.SqlQuery<int>(
        $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND query LIKE {like}").SingleAsync();

    [Fact]
    public async Task Prepare_EdgeNotOnTheDatabase_StopsListingTheEdgesThatAre()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() =>
            FedTestHost.StartAsync(runWorkers: false, settings: Node("edge-node", edge: "edge-9")));

        Assert.Equal("Fed:Node:Edge (--edge) names 'edge-9', which is not an edge on this database; its edges are: edge-1, edge-2, edge-3, edge-4, edge-5.", error.Message);
    }

    [Theory]
    [InlineData("edge-3.example.org:5080")]
    [InlineData("/terminal")]
    [InlineData("ftp://edge-3.example.org/")]
    public async Task Prepare_PublicUrlNotAnAbsoluteHttpUrl_StopsNamingTheKeyAndAnExample(string url)
    {
        var error = await Assert.ThrowsAsync<StartupException>(() =>
            FedTestHost.StartAsync(runWorkers: false, settings: new Dictionary<string, string?> { ["Fed:Node:PublicUrl"] = url }));

        Assert.Contains($"Fed:Node:PublicUrl must be an absolute http or https URL such as http://edge-3.example.org:5080/ (was '{url}')", error.Message);
    }

    [Fact]
    public async Task Prepare_NameOfARunningNode_StopsSayingSo()
    {
        await using var running = await FedTestHost.StartAsync(runWorkers: true, settings: Node("twin"));

        var error = await Assert.ThrowsAsync<StartupException>(() => running.StartNodeAsync(Node("twin"), runWorkers: false));

        Assert.Equal("A node named 'twin' is running on this database (its heartbeat goes on): give this one another name (Fed:Node:Name).", error.Message);
    }

    [Fact]
    public async Task Start_EdgeNode_ItAloneServesItsEdgesQueue_TheFullNodeServesTheOtherEdges()
    {
        await using var central = await FedTestHost.StartAsync(runWorkers: true, settings: Node("central"));
        await using var edge = await central.StartNodeAsync(Node("edge-2-node", edge: "edge-2"));
        await using var db = central.Db();
        var queues = await db.EdgeServers.OrderBy(e => e.Id).Select(e => new { e.Name, e.Id }).ToDictionaryAsync(e => e.Name, e => EdgeQueue.Of(e.Id));
        var queue = queues["edge-2"];

        // The full node lets the queue go at its first heartbeat that sees the edge node alive; Hangfire removes the
        // replaced server from its list once the server has stopped.
        var full = await Eventually.WaitForAsync(
            () => db.ClusterNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Name == "central" && !n.Queues.Contains(queue) && n.Queues.Contains(queues["edge-1"])),
            TimeSpan.FromSeconds(30), "the full node to let edge-2's queue go");
        var servers = await Eventually.WaitForAsync(() => Task.FromResult(HangfireServers(central) is var list
                && !list.Any(s => !s.Name.StartsWith("edge-2-node:", StringComparison.Ordinal) && s.Queues.Contains(queue)) ? list : null),
            TimeSpan.FromSeconds(30), "the full node's server of edge-2's queue to stop");
        var row = await db.ClusterNodes.AsNoTracking().SingleAsync(n => n.Name == "edge-2-node");

        Assert.Equal(NodeRole.Edge, row.Role);
        Assert.Equal([queue], row.Queues);
        Assert.Equal([queue], servers.Single(s => s.Name.StartsWith("edge-2-node:edge:", StringComparison.Ordinal)).Queues);
        Assert.Equal(NodeRole.All, full.Role);
        Assert.Equal(["default", "training", "callbacks", .. queues.Values.Where(q => q != queue)], full.Queues);
    }

    [Fact]
    public async Task Stop_EdgeNode_AFullNodeServesItsQueueOnceItsHeartbeatIsGone()
    {
        await using var central = await FedTestHost.StartAsync(runWorkers: true, settings: Node("central"));
        var edge = await central.StartNodeAsync(Node("edge-2-node", edge: "edge-2"));
        await using var db = central.Db();
        var queue = EdgeQueue.Of(await db.EdgeServers.Where(e => e.Name == "edge-2").Select(e => e.Id).SingleAsync());
        await Eventually.WaitForAsync(() => db.ClusterNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Name == "central" && !n.Queues.Contains(queue)),
            TimeSpan.FromSeconds(30), "the full node to let edge-2's queue go");

        await edge.DisposeAsync();

        await Eventually.WaitForAsync(() => db.ClusterNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Name == "central" && n.Queues.Contains(queue)),
            TimeSpan.FromSeconds(60), "the full node to serve edge-2's queue again");

        // Its row lists the queue once the server is started; the server announces itself to Hangfire from its own thread.
        await Eventually.WaitForAsync(() => Task.FromResult(HangfireServers(central).FirstOrDefault(s => s.Name.StartsWith("central:edges:", StringComparison.Ordinal) && s.Queues.Contains(queue))),
            TimeSpan.FromSeconds(30), "the full node's Hangfire server of edge-2's queue");
    }

    private static IList<ServerDto> HangfireServers(FedTestHost node) => node.Get<JobStorage>().GetMonitoringApi().Servers();

    [Fact]
    public async Task Rounds_FullNodeAndEdgeNodeOnOneDatabase_EachEdgeSelectsOnItsQueue_OneAggregatePerEdgeAndRoundAndOneVersionEach()
    {
        await using var central = await FedTestHost.StartAsync(runWorkers: true, terminals: 20, settings: Node("central"));
        await using var edge = await central.StartNodeAsync(Node("edge-1-node", edge: "edge-1"));
        var job = await central.Get<JobLauncher>().LaunchAsync("two nodes", TestData.Settings(), TestData.Policy(maxRounds: 3));

        await Eventually.WaitForAsync(async () =>
        {
            await using var db = central.Db();
            return await db.TrainingJobs.SingleOrDefaultAsync(j => j.Id == job.Id && j.Status == JobStatus.Completed
                && db.Rounds.Where(r => r.JobId == j.Id).All(r => r.RewardedAt != null));
        }, TimeSpan.FromMinutes(4), "the job to complete and its rounds to be rewarded");

        await using var db = central.Db();
        var rounds = await db.Rounds.Include(r => r.Participants).Where(r => r.JobId == job.Id).OrderBy(r => r.Number).ToListAsync();
        Assert.Equal([1, 2, 3], rounds.Select(r => r.Number));
        foreach (var round in rounds)
        {
            var withResults = round.Participants.Where(p => p.Status == ParticipantStatus.Reported).Select(p => p.EdgeId).Distinct().Order();
            Assert.Equal(withResults, await db.EdgeAggregates.Where(a => a.RoundId == round.Id).Select(a => a.EdgeId).OrderBy(id => id).ToListAsync());
            Assert.Single(await db.ModelVersions.Where(v => v.RoundId == round.Id).ToListAsync());
        }
        Assert.Equal(rounds.Sum(r => r.Participants.Count(p => p.Status == ParticipantStatus.Reported)), await db.RewardEntries.CountAsync(e => e.JobId == job.Id));
        var succeeded = central.Get<JobStorage>().GetMonitoringApi().SucceededJobs(0, 1000).Select(j => j.Value.Job.Type).ToList();
        Assert.Contains(typeof(AggregateEdgeJob), succeeded);
        Assert.Contains(typeof(SelectEdgeJob), succeeded);
        Assert.All(rounds, r => Assert.Equal(5, db.RoundEdges.Count(e => e.RoundId == r.Id && e.SelectedAt != null)));
    }
}
