using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Heartbeats over the network to the running dashboard (5 s between heartbeats), its own writer and sweeper at work:
/// a terminal is where it says it is until it falls silent or leaves.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class HeartbeatHttpTests(DashboardProcess dashboard)
{
    private readonly HttpClient _http = new() { BaseAddress = dashboard.BaseAddress };

    private async Task<(Enrolled Agent, EdgeServer Edge)> EnrolAsync()
    {
        EdgeServer edge;
        string code;
        await using (var db = dashboard.Db())
        {
            edge = await db.EdgeServers.OrderBy(e => e.Id).FirstAsync();
            code = AgentTerminals.IssueOperatorCode(db, edge.Id, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var response = await _http.PostAsJsonAsync(TerminalRoutes.Enrol, AgentTerminals.Enrolment(code));
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<Enrolled>())!, edge);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string credential, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return _http.SendAsync(request);
    }

    private Task<Terminal> TerminalOnceAsync(int terminalId, Func<Terminal, bool> state, string what) =>
        Eventually.WaitForAsync(async () =>
        {
            await using var db = dashboard.Db();
            var terminal = await db.Terminals.AsNoTracking().SingleAsync(t => t.Id == terminalId);
            return state(terminal) ? terminal : null;
        }, TimeSpan.FromSeconds(30), what);

    [Fact]
    public async Task Heartbeat_ThenSilence_OnlineWhereItReportedThenOfflineAfterTwoIntervals()
    {
        var (agent, edge) = await EnrolAsync();

        var response = await PostAsync(TerminalRoutes.Heartbeat, agent.Credential, AgentTerminals.HeartbeatAt(edge));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await response.Content.ReadFromJsonAsync<HeartbeatReply>())!;
        Assert.Equal((5.0, (int?)edge.Id, (int?)null), (reply.HeartbeatSeconds, reply.EdgeId, reply.AssignmentId));
        // PostgreSQL keeps microseconds.
        bool Until(Terminal t) => t.OnlineUntil is { } until && Math.Abs((until - reply.OnlineUntil).TotalMilliseconds) < 1;
        var heard = await TerminalOnceAsync(agent.TerminalId, Until, "the heartbeat to be written");
        Assert.Equal((true, (int?)edge.Id), (heard.Online, heard.EdgeId));
        var silent = await TerminalOnceAsync(agent.TerminalId, t => !t.Online, "the silent terminal to go offline");
        Assert.True(Until(silent));
    }

    [Fact]
    public async Task Heartbeat_BatteryOutOfRange_ProblemWithTheCodeNamingTheField()
    {
        var (agent, edge) = await EnrolAsync();

        var response = await PostAsync(TerminalRoutes.Heartbeat, agent.Credential, AgentTerminals.HeartbeatAt(edge) with { Battery = 1.5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ProtocolError.InvalidRequest, problem.GetProperty("code").GetString());
        Assert.Contains("battery", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Leave_AfterAHeartbeat_OfflineAtOnce()
    {
        var (agent, edge) = await EnrolAsync();
        await PostAsync(TerminalRoutes.Heartbeat, agent.Credential, AgentTerminals.HeartbeatAt(edge));

        var response = await PostAsync(TerminalRoutes.Leave, agent.Credential);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await using var db = dashboard.Db();
        Assert.False((await db.Terminals.SingleAsync(t => t.Id == agent.TerminalId)).Online);
    }
}
