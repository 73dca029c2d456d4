using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// Saves an edge's new participants in one statement, where EF Core sends one INSERT per participant (ten thousand at a
/// fleet of 100,000). The columns are those a participant has when it is assigned or declines; the rest start empty.
/// </summary>
internal static class ParticipantRows
{
    /// <returns>Each saved participant's id, by its terminal (a terminal is in a round once).</returns>
    public static async Task<IReadOnlyDictionary<int, int>> InsertAsync(FedDbContext db, int roundId, IReadOnlyList<RoundParticipant> participants, CancellationToken ct)
    {
        if (participants.Count == 0) return new Dictionary<int, int>();
        var terminals = Column(participants, p => p.TerminalId);
        var edges = Column(participants, p => p.EdgeId);
        var statuses = Column(participants, p => p.Status.ToString());
        var assignedAt = Column(participants, p => p.AssignedAt);
        var endedAt = Column(participants, p => p.EndedAt);
        var failures = Column(participants, p => p.FailureReason);
        var replaces = Column(participants, p => p.ReplacesParticipantId);
        var models = Column(participants, p => p.Assignment.BaseModelHash);
        var variants = Column(participants, p => p.Assignment.ModelVariant);
        var assignedWidths = Column(participants, p => p.Assignment.Width);
        var groups = Column(participants, p => p.Assignment.Group);
        var segments = Column(participants, p => p.Assignment.Segment);
        var sources = Column(participants, p => p.Assignment.DataSource.ToString());
        var shared = Column(participants, p => p.Assignment.SharedSamples);
        var widths = Column(participants, p => p.Work.Width);
        var planned = Column(participants, p => p.Work.PlannedSteps);
        var samples = Column(participants, p => p.Result.Samples);
        var saved = await db.Database.SqlQuery<SavedParticipant>($"""
            INSERT INTO "RoundParticipants" ("RoundId", "TerminalId", "EdgeId", "Status", "AssignedAt", "EndedAt", "FailureReason",
                "ReplacesParticipantId", "BaseModelHash", "ModelVariant", "AssignedWidth", "Group", "Segment", "DataSource",
                "SharedSamples", "Width", "PlannedSteps", "Samples")
            SELECT {roundId}, * FROM unnest({terminals}, {edges}, {statuses}, {assignedAt}, {endedAt}, {failures},
                {replaces}, {models}, {variants}, {assignedWidths}, {groups}, {segments}, {sources},
                {shared}, {widths}, {planned}, {samples})
            RETURNING "Id", "TerminalId"
            """).ToListAsync(ct);
        return saved.ToDictionary(p => p.TerminalId, p => p.Id);
    }

    private static T[] Column<T>(IReadOnlyList<RoundParticipant> participants, Func<RoundParticipant, T> value) => [.. participants.Select(value)];

    private sealed class SavedParticipant
    {
        public int Id { get; init; }
        public int TerminalId { get; init; }
    }
}
