using FedDashboard.Core.Domain.Security;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>
/// Who a client's request acts as on its job: "client:&lt;name&gt;" with the operator role, so the audit log names the
/// client and its job starts like an operator's — without auto-approve (<see cref="Training.JobLauncher"/>) — and the
/// client, as the job's creator, can never approve what it produces.
/// </summary>
public static class RequestActors
{
    public static Actor Client(string clientName) => Actor.User($"client:{clientName}", Roles.Operator);
}
