namespace FedDashboard.Core.Domain.Training;

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
}
