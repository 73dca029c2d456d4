using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Training;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// The repository's MNIST as the orchestrator holds it, loaded once for every test host of the run instead of once
/// per host. Never disposed: its tensors live as long as the test process.
/// </summary>
public static class SharedMnist
{
    private static readonly Lazy<FederatedData> Loaded = new(() =>
    {
        var data = new FederatedData(Options.Create(new DataOptions { MnistPath = TestEnvironment.MnistPath }), new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory });
        data.EnsureLoaded();
        return data;
    });

    public static FederatedData Data => Loaded.Value;
}
