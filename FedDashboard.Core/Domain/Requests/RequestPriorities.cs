namespace FedDashboard.Core.Domain.Requests;

public static class RequestPriorities
{
    /// <summary>Low 1, Normal 2, High 4: a High request gets four times a Low one's share of a contended edge.</summary>
    public static int Weight(this RequestPriority priority) => priority switch
    {
        RequestPriority.Low => 1,
        RequestPriority.Normal => 2,
        RequestPriority.High => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority."),
    };
}
