namespace FedDashboard.Core.Domain.Requests;

public enum TrainingRequestStatus
{
    /// <summary>Accepted; no terminals chosen yet.</summary>
    Queued,

    /// <summary>The master is choosing the terminals that carry it and starting its job.</summary>
    Allocating,

    /// <summary>Its job runs.</summary>
    Training,

    /// <summary>An approved version reached the condition.</summary>
    Met,

    /// <summary>Ended without meeting the condition; <see cref="TrainingRequest.EndCondition"/> says why.</summary>
    Failed,

    Cancelled,
}
