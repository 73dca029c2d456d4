using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Persistence;
using FedDashboard.Protocol;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Shared;

/// <summary>A terminal enrolled as an agent would be, with the credential it received.</summary>
public sealed record AgentTerminal(int TerminalId, string Credential, EdgeServer Edge);

/// <summary>Enrols agent terminals with an operator's code and builds their heartbeats.</summary>
public static class AgentTerminals
{
    /// <param name="edge">The edge's position among the edges ordered by id.</param>
    public static async Task<AgentTerminal> EnrolAgentAsync(this FedTestHost host, int edge = 0)
    {
        EdgeServer server;
        string code;
        await using (var db = host.Db())
        {
            server = await db.EdgeServers.OrderBy(e => e.Id).Skip(edge).FirstAsync();
            code = IssueOperatorCode(db, server.Id, host.Get<TimeProvider>().GetUtcNow());
            await db.SaveChangesAsync();
        }
        var enrolled = await host.Get<EnrolmentDesk>().EnrolAsync(Enrolment(code), TerminalOrigin.Agent, default);
        return new AgentTerminal(enrolled.TerminalId, enrolled.Credential, server);
    }

    /// <summary>Adds an operator's single-use code for the edge, valid for an hour, to the context; returns the code.</summary>
    public static string IssueOperatorCode(FedDbContext db, int edgeId, DateTimeOffset now)
    {
        var code = TerminalSecrets.NewEnrolmentCode();
        db.EnrolmentCodes.Add(new EnrolmentCode(edgeId, TerminalSecrets.Hash(TerminalSecrets.NormalizeCode(code)), TerminalSecrets.HintOf(code),
            "operator", now, now.AddHours(1), maxUses: 1));
        return code;
    }

    public static EnrolRequest Enrolment(string code) =>
        new(code, "field-phone", "Phone", "Mid", "camera", 600, TestData.Now.AddDays(-30), false, "agent-1.0");

    public static HeartbeatRequest Heartbeat(double x, double y, double load = 0.1, double battery = 0.9) =>
        new(x, y, load, FreeMemoryMb: 2048, battery, "camera", DataSamples: 600, TestData.Now.AddDays(-30), WantsWork: false, AgentVersion: "agent-1.0");

    /// <summary>A heartbeat from the edge's centre.</summary>
    public static HeartbeatRequest HeartbeatAt(EdgeServer edge, double load = 0.1) => Heartbeat(edge.CenterX, edge.CenterY, load);
}
