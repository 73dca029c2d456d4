using FedDashboard.Components.Controls;
using FedDashboard.Security;

namespace FedDashboard.Model;

public static class DashboardQueriesRegistration
{
    public static IServiceCollection AddDashboardQueries(this IServiceCollection services) => services
        .AddScoped<CurrentActor>()
        .AddScoped<PageRefusals>()
        .AddTransient<AuditQueries>()
        .AddTransient<CoverageMapQueries>()
        .AddTransient<EdgePolicyEditor>()
        .AddTransient<JobCreator>()
        .AddTransient<JobPolicyEditor>()
        .AddTransient<RewardPolicyEditor>()
        .AddTransient<JobPageQueries>()
        .AddTransient<JobQueries>()
        .AddTransient<OverviewQueries>()
        .AddTransient<PayoutQueries>()
        .AddTransient<RewardReportQueries>()
        .AddTransient<RoundQueries>()
        .AddTransient<TerminalQueries>()
        .AddTransient<TerminalLedger>()
        .AddTransient<UserAccounts>()
        .AddTransient<VersionQueries>();
}
