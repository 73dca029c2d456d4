namespace FedDashboard.Core.Domain.Requests;

/// <summary>Why a request ended; its end reason says it in words.</summary>
public enum RequestEndCondition
{
    Met,
    Deadline,

    /// <summary>Its job used the request's maximum number of rounds.</summary>
    Budget,

    Cancelled,

    /// <summary>Its job ended for another reason (an operator aborted it, too few terminals, ...): the text says which.</summary>
    JobEnded,
}
