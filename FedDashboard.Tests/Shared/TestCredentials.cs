using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Simulation;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Shared;

/// <summary>Credentials for terminals a test did not enrol through the protocol, stored as enrolment stores them (hash only).</summary>
public static class TestCredentials
{
    public static async Task<string> IssueAsync(this FedTestHost host, int terminalId)
    {
        await using var db = host.Db();
        var credential = Issue(db, terminalId);
        await db.SaveChangesAsync();
        return credential;
    }

    /// <summary>Every terminal of the seeded fleet gets a credential its simulated device holds, so it can speak the protocol.</summary>
    public static async Task IssueToSimulatedFleetAsync(this FedTestHost host)
    {
        await using var db = host.Db();
        var store = host.Get<SimulatedCredentials>();
        foreach (var terminalId in await db.Terminals.Select(t => t.Id).ToListAsync())
        {
            if (store.For(terminalId) is not null) continue;
            store.Keep(terminalId, Issue(db, terminalId));
        }
        await db.SaveChangesAsync();
    }

    private static string Issue(FedDbContext db, int terminalId)
    {
        var credential = TerminalSecrets.NewCredential();
        db.TerminalCredentials.Add(new TerminalCredential(terminalId, TerminalSecrets.Hash(credential), DateTimeOffset.UtcNow));
        return credential;
    }
}
