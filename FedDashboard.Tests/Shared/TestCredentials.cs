using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Shared;

/// <summary>A further credential for a terminal, stored as enrolment stores it (hash only), e.g. for a test to revoke.</summary>
public static class TestCredentials
{
    public static async Task<string> IssueAsync(this FedTestHost host, int terminalId)
    {
        await using var db = host.Db();
        var credential = Issue(db, terminalId);
        await db.SaveChangesAsync();
        return credential;
    }

    private static string Issue(FedDbContext db, int terminalId)
    {
        var credential = TerminalSecrets.NewCredential();
        db.TerminalCredentials.Add(new TerminalCredential(terminalId, TerminalSecrets.Hash(credential), DateTimeOffset.UtcNow));
        return credential;
    }
}
