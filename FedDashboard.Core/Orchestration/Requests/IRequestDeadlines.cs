namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>Hands a request's deadline to the job scheduler, which brings the request up to date then (<see cref="RequestStatusSync"/>).</summary>
public interface IRequestDeadlines
{
    void CheckAt(int requestId, DateTimeOffset deadline);
}
