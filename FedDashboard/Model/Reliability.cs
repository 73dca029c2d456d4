using FedDashboard.Core.Orchestration;

namespace FedDashboard.Model;

/// <summary>A terminal's record of work: reported results against work it abandoned or lost (T3). Declined requests are not work taken on.</summary>
public sealed record Reliability(int Completed, int Abandoned)
{
    public static readonly IReadOnlyList<ParticipantStatus> AbandonedStatuses =
        [ParticipantStatus.Departed, ParticipantStatus.Failed, ParticipantStatus.TimedOut, ParticipantStatus.Replaced];

    public int Total => Completed + Abandoned;

    public double? Rate => Total == 0 ? null : (double)Completed / Total;

    public string Text => Rate is { } rate ? $"{rate:P0} ({Completed}/{Total})" : "no work yet";
}
