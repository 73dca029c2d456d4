using System.Diagnostics;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Hosting.Jobs;
using FedDashboard.Core.Hosting.Nodes;
using FedDashboard.Core.Learning;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Security;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence.Roles;
using FedDashboard.Core.Simulation;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FedDashboard.Core.Hosting;

/// <summary>
/// What must hold before the node serves anything: valid settings, Redis if configured, a reachable and migrated database,
/// no running node of the same name, MNIST readable, libtorch loaded, a fleet, the node's edge if it is one, and (on a fresh
/// database) the default job.
/// Each failure becomes one <see cref="StartupException"/> that says what to do.
/// </summary>
public static class FedStartup
{
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FedStartup));
        CheckOptions(services);
        // Before anything is changed: a node told to use Redis and unable to reach it starts nothing (throws StartupException).
        _ = services.GetService<IConnectionMultiplexer>();
        await DatabasePreparation.PrepareAsync(services.GetRequiredService<DatabaseConnections>(), ct);
        await services.GetRequiredService<NodeNameCheck>().EnsureFreeAsync(ct);
        await services.GetRequiredService<RewardPrograms>().EnsureAsync(ct);
        await EnsureAdministratorAsync(services, logger, ct);
        LoadData(services);
        try
        {
            // libtorch's thread pool is process-wide: share the cores among the concurrent trainings.
            var trainings = services.GetRequiredService<IOptions<OrchestrationOptions>>().Value.TrainingWorkers;
            TorchRuntime.Configure(Math.Max(1, Environment.ProcessorCount / trainings));
        }
        catch (InvalidOperationException exception)
        {
            throw new StartupException(exception.Message, exception);
        }

        var seeder = services.GetRequiredService<FleetSeeder>();
        var seeding = Stopwatch.StartNew();
        var seeded = await seeder.SeedIfEmptyAsync(ct);
        var enrolled = seeding.Elapsed;
        // The edges exist now: an edge node finds its own, a full node serves them all.
        await services.GetRequiredService<NodePlacement>().PlaceAsync(ct);
        await seeder.EnsureCredentialsAsync(ct);
        var credentials = seeding.Elapsed - enrolled;
        if (seeded)
        {
            // The fleet's first heartbeats say where it is: written before anything selects from it.
            await services.GetRequiredService<TerminalLiveness>().FlushAllAsync(ct);
            logger.LogInformation("Created the simulated fleet in {Seconds:0.0} s: enrolled in {Enrolled:0.0} s, credentials derived in {Credentials:0.0} s.",
                seeding.Elapsed.TotalSeconds, enrolled.TotalSeconds, credentials.TotalSeconds);
            await StartDefaultJobAsync(services, ct);
        }
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<RecoverStalledJobsJob>(RecoverStalledJobsJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<SyncTrainingRequestsJob>(SyncTrainingRequestsJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
    }

    private static void CheckOptions(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<DataOptions>>().Value;
            _ = services.GetRequiredService<IOptions<FleetOptions>>().Value;
            _ = services.GetRequiredService<IOptions<SimulationOptions>>().Value;
            _ = services.GetRequiredService<IOptions<OrchestrationOptions>>().Value;
            _ = services.GetRequiredService<IOptions<DefaultJobOptions>>().Value;
            _ = services.GetRequiredService<IOptions<RewardOptions>>().Value;
            _ = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
            _ = services.GetRequiredService<IOptions<AccessOptions>>().Value;
            _ = services.GetRequiredService<IOptions<TerminalOptions>>().Value;
            _ = services.GetRequiredService<IOptions<NodeOptions>>().Value;
            _ = services.GetRequiredService<IOptions<LiveOptions>>().Value;
            _ = services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            throw new StartupException("Invalid settings (appsettings.json or environment): " + string.Join(" ", exception.Failures), exception);
        }
    }

    private static async Task EnsureAdministratorAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        await using var scope = services.CreateAsyncScope();
        var oneTimePassword = await scope.ServiceProvider.GetRequiredService<UserAdministration>().EnsureFirstAdministratorAsync(options, ct);
        if (oneTimePassword is null) return;
        // Printed once, on the console only (never logged to files): whoever started the node signs in with it and must change it.
        Console.WriteLine($"First administrator created: user '{options.AdminUserName}', one-time password {oneTimePassword} (change it at first sign-in).");
        logger.LogWarning("Created the first administrator '{User}' with a one-time password printed on the console.", options.AdminUserName);
    }

    private static void LoadData(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<FederatedData>().EnsureLoaded();
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            throw new StartupException($"MNIST could not be read: {exception.Message}", exception);
        }
    }

    private static async Task StartDefaultJobAsync(IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<DefaultJobOptions>>().Value;
        if (!options.StartOnFreshDatabase) return;
        await services.GetRequiredService<JobLauncher>().LaunchAsync(options.Name, options.Settings, options.Policy, Actor.System, ct);
    }
}
