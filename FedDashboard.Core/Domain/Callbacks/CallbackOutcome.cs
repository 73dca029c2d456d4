namespace FedDashboard.Core.Domain.Callbacks;

public enum CallbackOutcome
{
    /// <summary>The receiver answered 2xx: delivered, no more attempts.</summary>
    Acknowledged,

    /// <summary>Not delivered this time; the next attempt follows the retry schedule.</summary>
    Failed,

    /// <summary>Not sent: the URL's host led to an address callbacks may not reach. Not retried.</summary>
    Refused,
}
