using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace FedDashboard.Tests.Shared;

public static class AuditReading
{
    /// <summary>Every audit row so far, in the order recorded.</summary>
    public static async Task<List<AuditEntry>> AuditAsync(this FedTestHost host)
    {
        await using var db = host.Db();
        return await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Every audit row recorded with this outcome, in the order recorded.</summary>
    public static async Task<List<AuditEntry>> AuditAsync(this FedTestHost host, AuditOutcome outcome) =>
        [.. (await host.AuditAsync()).Where(e => e.Outcome == outcome)];

    /// <summary>A state the audit row recorded, read back as the record it was written from.</summary>
    public static T? State<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, JsonColumns.Options);
}
