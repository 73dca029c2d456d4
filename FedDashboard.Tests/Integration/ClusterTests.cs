using System.Collections.Concurrent;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Hubs;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Three real node processes on one database and one Redis, as ./fed cluster 3 --edges: two full nodes and an edge node.
/// One test in three acts, because each act takes a node away: live events cross nodes; the edge node alone serves its
/// edge's queue, selection included, while it lives, a full node serves it once it is killed mid-round, and the round
/// loses and duplicates nothing, and the edge node comes back; the leader's death hands the lease on. The waits' limits guard a hung
/// run; the figures are printed, and measured by ./fed bench cluster.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly NodeCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task ThreeNodes_EventsCrossNodes_EdgeNodeKilledMidRoundLosesNothing_LeaderKilledHandsOn()
    {
        await RoundCompletedOnOneNodeReachesHubClientsOnEveryNodeAsync();
        await KillEdgeNodeMidRoundAsync();
        await KillLeaderAsync();
    }

    private async Task RoundCompletedOnOneNodeReachesHubClientsOnEveryNodeAsync()
    {
        var received = new ConcurrentDictionary<(int Round, string Node), DateTimeOffset>();
        var connections = new List<HubConnection>();
        try
        {
            foreach (var node in _cluster.Nodes)
            {
                var (_, cookies) = await SignedInClient.SignInAsync(node.BaseAddress, DashboardAccounts.AdminName);
                var connection = new HubConnectionBuilder().WithUrl(new Uri(node.BaseAddress, LiveHub.Path), o => o.Cookies = cookies).Build();
                connection.On<RoundPhaseChanged>(nameof(RoundPhaseChanged), e =>
                {
                    if (e.Phase == RoundPhase.Completed) received.TryAdd((e.RoundId, node.Name), DateTimeOffset.UtcNow);
                });
                await connection.StartAsync();
                connections.Add(connection);
            }

            var round = await WaitAsync(() => Task.FromResult(received.Keys.GroupBy(k => k.Round).FirstOrDefault(g => g.Count() == _cluster.Nodes.Count)),
                "a completed round seen by a hub client on every node");

            var times = round.Select(key => received[key]).ToList();
            output.WriteLine($"Round {round.Key}: first hub client {times.Min():HH:mm:ss.fff}, last {(times.Max() - times.Min()).TotalMilliseconds:0} ms later.");
            Assert.Equal(_cluster.Nodes.Select(n => n.Name).Order(), round.Select(k => k.Node).Order());
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    private async Task KillEdgeNodeMidRoundAsync()
    {
        var queue = await _cluster.ScalarAsync<string>($"""SELECT 'edge-' || "Id" FROM "EdgeServers" WHERE "Name" = '{NodeCluster.EdgeOfEdgeNode}'""");
        var edgeNode = _cluster.EdgeNode;
        var aloneSince = await WaitAsync(() => _cluster.ScalarAsync<string>(ServedByEdgeNodeAloneSql(queue!, edgeNode.Name)),
            $"{edgeNode.Name} alone to serve {queue}");
        await WaitAsync(() => _cluster.ScalarAsync<string>($"""
            SELECT 'selected' {ProcessedOnQueueSql(queue!, aloneSince)} AND p.data->>'ServerId' ILIKE '{edgeNode.Name}:%'
              AND j.invocationdata->>'Type' LIKE '%SelectEdgeJob%' LIMIT 1
            """), $"a round's selection for {NodeCluster.EdgeOfEdgeNode} to run on {edgeNode.Name}");

        var round = await WaitAsync(() => _cluster.ScalarAsync<string>($"""
            SELECT max(r."Id")::text FROM "Rounds" r WHERE r."Phase" = 'Collecting' AND EXISTS (
                SELECT 1 FROM "RoundParticipants" p JOIN "EdgeServers" e ON e."Id" = p."EdgeId"
                WHERE p."RoundId" = r."Id" AND e."Name" = '{NodeCluster.EdgeOfEdgeNode}')
            """), $"a round collecting results on {NodeCluster.EdgeOfEdgeNode}");
        var killedAt = await _cluster.ScalarAsync<string>("SELECT now()::text");
        Assert.Equal(0, await _cluster.ScalarAsync<long>($"""
            SELECT count(*) {ProcessedOnQueueSql(queue!, aloneSince)} AND p.data->>'ServerId' NOT ILIKE '{edgeNode.Name}:%'
            """));
        await _cluster.KillAsync(edgeNode);
        var taker = await WaitAsync(() => _cluster.ScalarAsync<string>($"""
            SELECT "Name" FROM "ClusterNodes" WHERE "Role" <> 'Edge' AND '{queue}' = ANY("Queues") AND "LastHeartbeat" > '{killedAt}'::timestamptz LIMIT 1
            """), $"a full node to serve {queue} once {edgeNode.Name} is dead");
        output.WriteLine($"{taker} serves {queue} {await _cluster.ScalarAsync<double>($"SELECT extract(epoch FROM now() - '{killedAt}'::timestamptz)::float8"):0.0} s after {edgeNode.Name} was killed.");

        await WaitAsync(() => _cluster.ScalarAsync<string>($"""SELECT 'done' FROM "Rounds" WHERE "Id" = {round} AND "Phase" = 'Completed'"""),
            $"round {round} to complete after the edge node was killed");
        output.WriteLine($"Round {round} completed after the edge node {edgeNode.Name} was killed mid-round.");
        await WaitAsync(() => _cluster.ScalarAsync<string>($"""
            SELECT 'taken over' {ProcessedOnQueueSql(queue!, killedAt!)} AND p.data->>'ServerId' NOT ILIKE '{edgeNode.Name}:%' LIMIT 1
            """), $"a full node to run work of {queue} after {edgeNode.Name} was killed");
        await edgeNode.StartAsync();
        var completed = await CompletedRoundsAsync();
        await WaitAsync(async () => await CompletedRoundsAsync() > completed ? "" : null, "the next round to complete with the edge node back");

        Assert.Equal(0, await _cluster.ScalarAsync<long>(RoundGapsSql));
        Assert.Equal(0, await _cluster.ScalarAsync<long>(VersionGapsSql));
        Assert.Equal(0, await _cluster.ScalarAsync<long>(DuplicateAggregatesSql));
        Assert.Equal(0, await _cluster.ScalarAsync<long>(DuplicateParticipantsSql));
        Assert.Equal(0, await _cluster.ScalarAsync<long>(DuplicateRewardsSql));
        Assert.Equal(0, await _cluster.ScalarAsync<long>(MissingRewardsSql));
    }

    private async Task KillLeaderAsync()
    {
        var leader = _cluster.Node((await _cluster.ScalarAsync<string>(LeaderSql))!);
        await _cluster.KillAsync(leader);
        var killedAt = DateTimeOffset.UtcNow;

        var successor = await WaitAsync(async () => await _cluster.ScalarAsync<string>(LeaderSql) is { } holder && holder != leader.Name ? holder : null,
            "another node to take the lease");
        output.WriteLine($"{successor} leads {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0.0} s after {leader.Name} was killed.");
        var before = await CompletedRoundsAsync();
        await WaitAsync(async () => await CompletedRoundsAsync() >= before + 2 ? "" : null, "two more rounds after the leader change");

        Assert.Contains(_cluster.Nodes, n => n.Name == successor && n.IsRunning);
    }

    /// <summary>The database's time once the edge node lists the queue and no full node does any more; null before.</summary>
    private static string ServedByEdgeNodeAloneSql(string queue, string edgeNode) => $"""
        SELECT now()::text WHERE EXISTS (SELECT 1 FROM "ClusterNodes" WHERE "Name" = '{edgeNode}' AND '{queue}' = ANY("Queues"))
          AND NOT EXISTS (SELECT 1 FROM "ClusterNodes" WHERE "Role" <> 'Edge' AND '{queue}' = ANY("Queues"))
        """;

    /// <summary>FROM and WHERE of Hangfire's jobs enqueued on the queue and started (p, the Processing state) after the time.</summary>
    private static string ProcessedOnQueueSql(string queue, string since) => $"""
        FROM hangfire.job j JOIN hangfire.state p ON p.jobid = j.id AND p.name = 'Processing'
        WHERE j.invocationdata->>'Queue' = '{queue}' AND p.createdat > '{since}'::timestamptz
        """;

    private const string LeaderSql = """SELECT "Holder" FROM "LeaderLeases" WHERE "ExpiresAt" > now()""";

    /// <summary>Jobs whose round numbers are not exactly 1..N, once each.</summary>
    private const string RoundGapsSql = """
        SELECT count(*) FROM (SELECT "JobId" FROM "Rounds" GROUP BY "JobId"
                              HAVING count(*) <> count(DISTINCT "Number") OR count(*) <> max("Number")) AS bad
        """;

    /// <summary>Jobs whose model version numbers are not consecutive, once each.</summary>
    private const string VersionGapsSql = """
        SELECT count(*) FROM (SELECT "JobId" FROM "ModelVersions" GROUP BY "JobId"
                              HAVING count(*) <> count(DISTINCT "Number") OR count(*) <> max("Number") - min("Number") + 1) AS bad
        """;

    private const string DuplicateAggregatesSql = """
        SELECT count(*) FROM (SELECT 1 FROM "EdgeAggregates" GROUP BY "RoundId", "EdgeId" HAVING count(*) > 1) AS twice
        """;

    /// <summary>A terminal in one round twice: two selections of one edge, or an edge's selection beside another's.</summary>
    private const string DuplicateParticipantsSql = """
        SELECT count(*) FROM (SELECT 1 FROM "RoundParticipants" GROUP BY "RoundId", "TerminalId" HAVING count(*) > 1) AS twice
        """;

    private const string DuplicateRewardsSql = """
        SELECT count(*) FROM (SELECT 1 FROM "RewardEntries" WHERE "Kind" = 'Reward'
                              GROUP BY "JobId", "RoundId", "TerminalId" HAVING count(*) > 1) AS twice
        """;

    /// <summary>Reported results of rewarded rounds without their ledger line.</summary>
    private const string MissingRewardsSql = """
        SELECT count(*) FROM "RoundParticipants" p JOIN "Rounds" r ON r."Id" = p."RoundId"
        WHERE r."RewardedAt" IS NOT NULL AND p."Status" = 'Reported'
          AND NOT EXISTS (SELECT 1 FROM "RewardEntries" e WHERE e."Kind" = 'Reward' AND e."RoundId" = r."Id" AND e."TerminalId" = p."TerminalId")
        """;

    /// <summary>Waits as <see cref="Eventually"/> does; a timeout carries the end of every node's log.</summary>
    private async Task<T> WaitAsync<T>(Func<Task<T?>> probe, string what) where T : class
    {
        try
        {
            return await Eventually.WaitForAsync(probe, Limit, what);
        }
        catch (TimeoutException exception)
        {
            var tails = _cluster.Nodes.Select(n => string.Join("\n", n.Output.Split('\n').TakeLast(30)));
            throw new TimeoutException($"{exception.Message}\n{string.Join("\n", tails)}", exception);
        }
    }

    private async Task<long> CompletedRoundsAsync() => await _cluster.ScalarAsync<long>("""SELECT count(*) FROM "Rounds" WHERE "Phase" = 'Completed'""");
}
