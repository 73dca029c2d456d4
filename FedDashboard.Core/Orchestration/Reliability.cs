using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration;

/// <summary>
/// A terminal's record of work: reported results against work it abandoned or lost. Declined requests are not
/// work taken on; a filtered result counts neither way: the terminal finished its work, and the result's quality is
/// judged by the evaluation criteria themselves.
/// </summary>
public sealed record Reliability(int Completed, int Abandoned)
{
    public static readonly Reliability NoWork = new(0, 0);

    public static readonly IReadOnlyList<ParticipantStatus> AbandonedStatuses =
        [ParticipantStatus.Departed, ParticipantStatus.Failed, ParticipantStatus.TimedOut, ParticipantStatus.Replaced];

    public int Total => Completed + Abandoned;

    public double? Rate => Total == 0 ? null : (double)Completed / Total;

    public string Text => Rate is { } rate ? $"{rate:P0} ({Completed}/{Total})" : "no work yet";

    /// <summary>Each terminal's record over the given participations; a terminal without any is absent.</summary>
    public static async Task<Dictionary<int, Reliability>> ByTerminalAsync(IQueryable<RoundParticipant> participants, CancellationToken ct)
    {
        var abandoned = AbandonedStatuses.ToList();
        var counts = await participants
            .GroupBy(p => p.TerminalId)
            .Select(g => new
            {
                TerminalId = g.Key,
                Completed = g.Count(p => p.Status == ParticipantStatus.Reported),
                Abandoned = g.Count(p => abandoned.Contains(p.Status)),
            })
            .ToListAsync(ct);
        return counts.ToDictionary(c => c.TerminalId, c => new Reliability(c.Completed, c.Abandoned));
    }
}
