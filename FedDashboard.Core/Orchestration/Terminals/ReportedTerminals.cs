using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// Writes what heartbeats change on terminals — place, coverage, telemetry, data, liveness, work request — in one
/// statement for the whole batch, leaving every other column (training speed, name, ...) to whoever owns it.
/// </summary>
internal static class ReportedTerminals
{
    public static Task SaveAsync(FedDbContext db, IEnumerable<Terminal> reported, CancellationToken ct)
    {
        var terminals = reported.ToList();
        if (terminals.Count == 0) return Task.CompletedTask;
        int[] ids = [.. terminals.Select(t => t.Id)];
        double[] xs = [.. terminals.Select(t => t.PositionX)], ys = [.. terminals.Select(t => t.PositionY)];
        int?[] edges = [.. terminals.Select(t => t.EdgeId)];
        double[] loads = [.. terminals.Select(t => t.CpuLoad)], batteries = [.. terminals.Select(t => t.Battery)];
        int[] memories = [.. terminals.Select(t => t.FreeMemoryMb)];
        bool[] online = [.. terminals.Select(t => t.Online)];
        DateTimeOffset[] seen = [.. terminals.Select(t => t.LastSeen)];
        string[] apps = [.. terminals.Select(t => t.App)];
        int[] samples = [.. terminals.Select(t => t.DataSamples)];
        bool[] anonymized = [.. terminals.Select(t => t.DataAnonymized)];
        DateTimeOffset[] dataAt = [.. terminals.Select(t => t.DataUpdatedAt)];
        DateTimeOffset?[] until = [.. terminals.Select(t => t.OnlineUntil)];
        string?[] agents = [.. terminals.Select(t => t.AgentVersion)];
        DateTimeOffset?[] asked = [.. terminals.Select(t => t.WorkRequestedAt)];
        return db.Database.ExecuteSqlAsync($"""
            UPDATE "Terminals" AS t
            SET "PositionX" = u.x, "PositionY" = u.y, "EdgeId" = u.edge, "CpuLoad" = u.cpu, "Battery" = u.battery, "FreeMemoryMb" = u.memory,
                "Online" = u.online, "LastSeen" = u.seen, "App" = u.app, "DataSamples" = u.samples, "DataAnonymized" = u.anonymized,
                "DataUpdatedAt" = u.data_at, "OnlineUntil" = u.until, "AgentVersion" = u.agent, "WorkRequestedAt" = u.asked
            FROM unnest({ids}, {xs}, {ys}, {edges}, {loads}, {batteries}, {memories}, {online}, {seen}, {apps}, {samples}, {anonymized}, {dataAt},
                {until}, {agents}, {asked})
                AS u(id, x, y, edge, cpu, battery, memory, online, seen, app, samples, anonymized, data_at, until, agent, asked)
            WHERE t."Id" = u.id
            """, ct);
    }
}
