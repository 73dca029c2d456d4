using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Orchestration.Policies;

namespace FedDashboard.Tests.Shared;

public static class JobLaunching
{
    /// <summary>Launches a job as <see cref="TestData.Operator"/>, with <see cref="TestData.Policy"/>'s defaults unless given a policy.</summary>
    public static Task<TrainingJob> LaunchAsync(this JobLauncher launcher, string name, TrainingSettings settings, JobPolicy? policy = null) =>
        launcher.LaunchAsync(name, settings, policy ?? TestData.Policy(), TestData.Operator);
}
