using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// Writes what heartbeats change on terminals — place, coverage, telemetry, data, liveness, work request — and the coverage
/// event of each terminal whose edge changed, in one statement for the whole batch: no terminal is read into the process,
/// and every other column (training speed, name, anonymisation, ...) stays with whoever owns it. The heartbeats were
/// checked when their edge received them (<c>HeartbeatRules</c>); a terminal removed since is passed over.
/// </summary>
internal static class ReportedTerminals
{
    public static Task SaveAsync(FedDbContext db, IReadOnlyCollection<Heartbeat> heartbeats, DateTimeOffset now, CancellationToken ct)
    {
        if (heartbeats.Count == 0) return Task.CompletedTask;
        int[] ids = [.. heartbeats.Select(h => h.TerminalId)];
        double[] xs = [.. heartbeats.Select(h => h.X)], ys = [.. heartbeats.Select(h => h.Y)];
        int?[] edges = [.. heartbeats.Select(h => h.EdgeId)];
        double[] loads = [.. heartbeats.Select(h => h.CpuLoad)], batteries = [.. heartbeats.Select(h => h.Battery)];
        int[] memories = [.. heartbeats.Select(h => h.FreeMemoryMb)];
        string[] apps = [.. heartbeats.Select(h => h.App)];
        int[] samples = [.. heartbeats.Select(h => h.DataSamples)];
        DateTimeOffset[] dataAt = [.. heartbeats.Select(h => h.DataUpdatedAt)];
        DateTimeOffset[] until = [.. heartbeats.Select(h => h.OnlineUntil)];
        string[] agents = [.. heartbeats.Select(h => h.AgentVersion)];
        bool[] wants = [.. heartbeats.Select(h => h.WantsWork)];
        // The CTEs all see the terminals as they were before the update: a terminal heard before (OnlineUntil set) whose
        // edge differs moved; its first heartbeat only places it where it enrolled from. A work request keeps its start.
        return db.Database.ExecuteSqlAsync($"""
            WITH reported AS (
                SELECT u.*, t."EdgeId" AS was_edge, t."OnlineUntil" IS NOT NULL AS heard_before
                FROM unnest({ids}, {xs}, {ys}, {edges}, {loads}, {batteries}, {memories}, {apps}, {samples}, {dataAt}, {until}, {agents}, {wants})
                    AS u(id, x, y, edge, cpu, battery, memory, app, samples, data_at, until, agent, wants)
                JOIN "Terminals" t ON t."Id" = u.id
            ), updated AS (
                UPDATE "Terminals" AS t
                SET "PositionX" = r.x, "PositionY" = r.y, "EdgeId" = r.edge, "CpuLoad" = r.cpu, "Battery" = r.battery, "FreeMemoryMb" = r.memory,
                    "Online" = true, "LastSeen" = {now}, "App" = r.app, "DataSamples" = r.samples, "DataUpdatedAt" = r.data_at,
                    "OnlineUntil" = r.until, "AgentVersion" = r.agent,
                    "WorkRequestedAt" = CASE WHEN r.wants THEN coalesce(t."WorkRequestedAt", {now}) END
                FROM reported r
                WHERE t."Id" = r.id
            )
            INSERT INTO "CoverageEvents" ("TerminalId", "FromEdgeId", "ToEdgeId", "At")
            SELECT id, was_edge, edge, {now} FROM reported WHERE heard_before AND was_edge IS DISTINCT FROM edge
            """, ct);
    }
}
