using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;


namespace FedDashboard.Tests.Shared;

public static class JobLaunching
{
    /// <summary>
    /// Launches a job as <see cref="TestData.Operator"/>, with <see cref="TestData.Policy"/>'s defaults unless given a policy.
    /// A job that approves automatically is started as configuration starts the default job (by the system): an
    /// operator's launch would only propose auto-approve.
    /// </summary>
    public static Task<TrainingJob> LaunchAsync(this JobLauncher launcher, string name, TrainingSettings settings, JobPolicy? policy = null)
    {
        policy ??= TestData.Policy();
        return launcher.LaunchAsync(name, settings, policy, policy.AutoApprove ? Actor.System : TestData.Operator);
    }
}
