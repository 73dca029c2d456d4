using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Shared;

/// <summary>Enrolment codes on a running dashboard's database, as an operator creates them (only their hash is stored).</summary>
public static class TestEnrolmentCodes
{
    /// <summary>A fresh one-use code for the edge named <paramref name="edge"/>, or for the first edge.</summary>
    public static async Task<string> IssueAsync(string connectionString, string? edge = null)
    {
        var code = TerminalSecrets.NewEnrolmentCode();
        await using var db = new FedDbContext(new DbContextOptionsBuilder<FedDbContext>().UseNpgsql(connectionString).Options);
        var edgeId = await db.EdgeServers.Where(e => edge == null || e.Name == edge).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        db.EnrolmentCodes.Add(new EnrolmentCode(edgeId, TerminalSecrets.Hash(TerminalSecrets.NormalizeCode(code)), TerminalSecrets.HintOf(code), "tests", now,
            now.AddHours(1), maxUses: 1));
        await db.SaveChangesAsync();
        return code;
    }
}
