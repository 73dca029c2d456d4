using FedDashboard.Core.Domain.Security;
using Hangfire.Dashboard;

namespace FedDashboard.Security;

/// <summary>Hangfire's own check behind the endpoint's policy: the job dashboard can retry and delete jobs, so administrators only.</summary>
public sealed class HangfireAdministratorsFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
}
