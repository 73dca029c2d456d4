namespace FedDashboard.Core.Domain.Training;

public enum ParticipantStatus
{
    Assigned,
    Training,
    Reported,
    TimedOut,
    Failed,

    /// <summary>Left its edge's coverage before reporting; its partial result is discarded.</summary>
    Departed,

    /// <summary>Asked by its edge, it declined to train (busy, low battery); it never trained.</summary>
    Declined,

    /// <summary>Its performance fell below the edge's reference mid-training; a standby terminal took its place.</summary>
    Replaced,

    /// <summary>Its edge refused the result: unusable at intake, or failing the edge's evaluation; see its filter reason.</summary>
    Filtered,

    /// <summary>The job was aborted before the terminal reported; whatever it trained is discarded.</summary>
    Cancelled,
}
