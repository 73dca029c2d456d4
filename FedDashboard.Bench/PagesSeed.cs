using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Bench;

/// <summary>
/// What the pages benchmark reads, written straight into the tables (not measured): the <see cref="SeededTerminals"/>;
/// rounds of 1,000 participants in which each terminal took part <c>history</c> times on average, most reported and some lost; and telemetry rows per terminal.
/// </summary>
internal sealed class PagesSeed(IDbContextFactory<FedDbContext> dbFactory, JobLauncher launcher)
{
    private const int ParticipantsPerRound = 1_000;

    public async Task SeedAsync(int terminals, int history, int telemetry)
    {
        var jobId = (await launcher.LaunchAsync("pages benchmark", new TrainingSettings(), Core.Domain.Policies.Job.JobPolicy.Default, Actor.System)).Id;
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await SeededTerminals.FillToAsync(db, terminals);
        var rounds = Math.Max(1, (int)((long)terminals * history / ParticipantsPerRound));
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Rounds" ("JobId", "Number", "Phase", "BaseModelVersionId", "StartedAt", "Deadline", "EndedAt", "EndReason", "RewardedAt")
            SELECT {jobId}, n, 'Completed', v."Id", now(), now() + interval '2 minutes', now(), 'AllReported', now()
            FROM generate_series(1, {rounds}) AS n, "ModelVersions" v WHERE v."JobId" = {jobId} AND v."Number" = 0
            """);
        // Round r takes the 1,000 terminals after round r-1's, wrapping around: each terminal about `history` times.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "RoundParticipants" ("RoundId", "TerminalId", "EdgeId", "BaseModelHash", "ModelVariant", "Status", "AssignedAt", "Samples")
            SELECT r."Id", t."Id", e.first, 'bench-model', 'full',
                (ARRAY['Reported', 'Reported', 'Reported', 'Reported', 'Reported', 'Reported', 'Filtered', 'Departed', 'Failed', 'TimedOut'])[1 + k % 10],
                now(), 500
            FROM "Rounds" r
            CROSS JOIN generate_series(0, {ParticipantsPerRound - 1}) AS k
            CROSS JOIN (SELECT min("Id") AS first FROM "EdgeServers") AS e
            JOIN (SELECT "Id", row_number() OVER (ORDER BY "Id") - 1 AS ordinal FROM "Terminals") AS t
                ON t.ordinal = ((r."Number" - 1) * {ParticipantsPerRound} + k) % {terminals}
            WHERE r."JobId" = {jobId}
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "TelemetryRecords" ("TerminalId", "At", "CpuLoad", "Battery", "FreeMemoryMb", "Online", "TrainingSamplesPerSecond", "EdgeId")
            SELECT t."Id", now() - s * interval '10 seconds', random(), random(), 1000, true, 100, t."EdgeId"
            FROM "Terminals" t CROSS JOIN generate_series(1, {telemetry}) AS s
            """);
        // What autovacuum does soon after such a load: fresh statistics and a visibility map for index-only scans.
        await db.Database.ExecuteSqlRawAsync("""VACUUM ANALYZE "Terminals", "Rounds", "RoundParticipants", "TelemetryRecords" """);
    }

    public async Task<(int Terminals, int Participations, int Telemetry)> CountAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await db.Terminals.CountAsync(), await db.RoundParticipants.CountAsync(), await db.TelemetryRecords.CountAsync());
    }
}
