namespace FedDashboard.Core.Domain.Requests;

/// <summary>How much of the fleet a request gets beside other open requests: in proportion to <see cref="RequestPriorities.Weight"/>.</summary>
public enum RequestPriority
{
    Low,
    Normal,
    High,
}
