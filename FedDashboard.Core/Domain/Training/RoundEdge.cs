using FedDashboard.Core.Domain.Strategies;


namespace FedDashboard.Core.Domain.Training;

/// <summary>
/// One edge's part of a round: the share the central tier gave it and whether the edge has selected among its terminals
/// yet. The round cannot count as all reported while an edge has still to select.
/// </summary>
public sealed class RoundEdge
{
    private RoundEdge() { }

    /// <summary>An edge with no share has nothing to select: it is selected from the start.</summary>
    public RoundEdge(EdgeQuota quota, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(quota);
        EdgeId = quota.Edge.Id;
        EdgeIndex = quota.Index;
        FirstParticipant = quota.FirstParticipant;
        Share = quota.Share;
        Eligible = quota.Eligible;
        if (Share == 0) SelectedAt = now;
    }

    public int RoundId { get; private set; }
    public int EdgeId { get; private set; }
    public int EdgeIndex { get; private set; }
    public int FirstParticipant { get; private set; }
    public int Share { get; private set; }
    public int Eligible { get; private set; }

    /// <summary>When the edge selected its terminals, or found the round no longer collecting; null until then.</summary>
    public DateTimeOffset? SelectedAt { get; private set; }

    public bool IsSelected => SelectedAt is not null;

    public void MarkSelected(DateTimeOffset at)
    {
        if (SelectedAt is not null) throw new InvalidOperationException($"Edge {EdgeId} selected for round {RoundId} at {SelectedAt:u}; an edge selects once per round.");
        SelectedAt = at;
    }
}
