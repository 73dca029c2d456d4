using FedDashboard.Core.Hosting.Jobs;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Core.Orchestration.Options;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FedDashboard.Core.Hosting;

public static class CallbackRegistration
{
    /// <summary>
    /// Checking callback URLs and sending callbacks. A host with a web server registers its <see cref="IListeningUrls"/>
    /// first; without one the app listens nowhere.
    /// </summary>
    public static IServiceCollection AddFedCallbacks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CallbackOptions>(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IListeningUrls, NoListeningUrls>();
        services.AddSingleton<CallbackRules>();
        services.AddTransient<CallbackUrlCheck>();
        services.AddSingleton<CallbackConnector>();
        services.AddSingleton<CallbackHttp>();
        services.AddTransient<CallbackSender>();
        return services;
    }

    /// <summary>
    /// Delivering callbacks by Hangfire jobs on a queue of their own, so a slow receiver holds no round's worker.
    /// The caller registers the <see cref="ICallbackAttemptLog"/> that keeps the deliveries and their attempts.
    /// </summary>
    /// <param name="serve">Whether this process delivers them (an edge node only schedules them).</param>
    public static IServiceCollection AddCallbackDelivery(this IServiceCollection services, bool serve)
    {
        services.AddTransient<ICallbackScheduler, HangfireCallbackScheduler>();
        services.AddTransient<CallbackDeliverer>();
        if (!serve) return services;
        services.AddHangfireServer(o =>
        {
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:callbacks";
            o.Queues = [DeliverCallbackJob.Queue];
            o.WorkerCount = 2;
        });
        return services;
    }
}
