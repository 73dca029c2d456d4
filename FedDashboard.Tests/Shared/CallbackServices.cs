using FedDashboard.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Tests.Shared;

/// <summary>The app's callback services as AddFedCore registers them, on the given Fed:Callbacks settings.</summary>
public static class CallbackServices
{
    /// <summary>What tests with a receiver on 127.0.0.1 need: http and loopback.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ToLocalReceivers = new Dictionary<string, string?>
    {
        ["Fed:Callbacks:AllowHttp"] = "true",
        ["Fed:Callbacks:AllowLoopback"] = "true",
    };

    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddFedCallbacks(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public static IReadOnlyDictionary<string, string?> With(this IReadOnlyDictionary<string, string?> settings, string key, string value) =>
        new Dictionary<string, string?>(settings) { [key] = value };
}
