using FedDashboard.Core.Hosting.Jobs;
using FedDashboard.Core.Hosting.Live;
using FedDashboard.Core.Hosting.Liveness;
using FedDashboard.Core.Hosting.Nodes;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Core.Orchestration.Security;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Delivery;
using FedDashboard.Core.Orchestration.Requests.Allocation;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Persistence.Identity;
using FedDashboard.Core.Persistence.Roles;
using FedDashboard.Core.Simulation;
using FedDashboard.Protocol;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Hosting;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the orchestrator, its database, Hangfire (storage and this node's workers) and the fleet.
    /// A host whose live events go beyond the node's feed (the web app's hub) adds an <see cref="ILiveOutlet"/>.
    /// </summary>
    public static IHostApplicationBuilder AddFedCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var connections = DatabaseConnections.From(builder.Configuration);
        var node = builder.Configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new();
        var connectionString = PooledConnectionString.For(connections.App, node.ListensForOtherNodes);
        services.AddSingleton(connections);

        services.AddValidatedOptions<DataOptions>(builder.Configuration);
        services.AddValidatedOptions<FleetOptions>(builder.Configuration);
        services.AddValidatedOptions<SimulationOptions>(builder.Configuration);
        services.AddSingleton<IValidateOptions<SimulationOptions>, SimulationPaceCheck>();
        services.AddValidatedOptions<OrchestrationOptions>(builder.Configuration);
        services.AddValidatedOptions<DefaultJobOptions>(builder.Configuration);
        services.AddValidatedOptions<RequestOptions>(builder.Configuration);
        services.AddValidatedOptions<RewardOptions>(builder.Configuration);
        services.AddValidatedOptions<SecurityOptions>(builder.Configuration);
        services.AddValidatedOptions<AccessOptions>(builder.Configuration);
        services.AddValidatedOptions<TerminalOptions>(builder.Configuration);
        services.AddValidatedOptions<ClientApiOptions>(builder.Configuration);
        services.AddValidatedOptions<NodeOptions>(builder.Configuration);
        services.AddFedCallbacks(builder.Configuration);
        services.AddDataProtection().SetApplicationName("FedDashboard").PersistKeysToDbContext<FedDbContext>();

        // A failed command or save surfaces as an exception, which the caller handles (an expected race such as a
        // second run of a step) or reports; EF's own error lines for it, with a stack trace, would alarm operators
        // over a race that was handled, and repeat what the caller reports otherwise.
        services.AddDbContextFactory<FedDbContext>(o => o
            .UseNpgsql(connectionString)
            .ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug))));
        services.TryAddSingleton(TimeProvider.System);
        services.AddFedLive(builder.Configuration);
        services.AddRoundTelemetry(builder.Configuration);
        services.AddSingleton(sp => new ModelBlobStore(BlobRoot(sp)));
        services.AddSingleton<FederatedData>();

        services.AddTransient<FleetRegistry>();
        services.AddSingleton<FleetIntake>();
        services.AddTransient<AssignmentDesk>();
        services.AddTransient<CoverageDepartures>();
        services.AddTransient<JobLauncher>();
        services.AddTransient<RoundStrategies>();
        services.AddTransient<RoundStarter>();
        services.AddTransient<EdgeRoundSelector>();
        services.AddTransient<ModelSwap>();
        services.AddTransient<StandbyReplacement>();
        services.AddTransient<UpdateReceiver>();
        services.AddSingleton<TerminalGate>();
        services.AddSingleton<HeartbeatInbox>();
        services.AddSingleton<HeartbeatAnswers>();
        services.AddSingleton<TerminalLiveness>();
        services.AddSingleton<NodePlacement>();
        services.AddTransient<NodeNameCheck>();
        services.AddFedNode(sp => sp.GetRequiredService<NodePlacement>().Queues);
        services.AddHostedService<HeartbeatFlusher>();
        services.AddHostedService<LivenessSweeper>();
        services.AddTransient<EnrolmentDesk>();
        services.AddTransient<HeartbeatDesk>();
        services.AddTransient<WorkDesk>();
        services.AddTransient<ResultIntake>();
        services.AddSingleton<ModelParts>();
        services.AddSingleton<ControlParts>();
        services.AddTransient<InProcessTerminalChannel>();
        services.AddTransient<EnrolmentCodes>();
        services.AddTransient<CredentialRevocation>();
        services.AddTransient<ClientRegistry>();
        services.AddTransient<ClientKeys>();
        services.AddTransient<ClientKeyCheck>();
        services.AddTransient<RequestStatusSync>();
        services.AddTransient<HeldOutAccuracies>();
        services.AddTransient<SigningSecrets>();
        services.AddTransient<ICallbackAttemptLog, CallbackAttemptTable>();
        services.AddCallbackDelivery(serve: !node.IsEdge);
        services.AddTransient<RequestCallbacks>();
        services.AddTransient<RequestModels>();
        services.AddTransient<OnnxDeliveries>();
        services.AddSingleton(sp => new OnnxFileStore(Path.Combine(BlobRoot(sp), "onnx")));
        services.AddTransient<TrainingRequests>();
        services.AddTransient<TrainingRequestBoard>();
        services.AddTransient<RequestAllocator>();
        services.AddTransient<RequestRounds>();
        services.AddTransient<RequestAllocations>();
        services.AddTransient<IRequestDeadlines, HangfireRequestDeadlines>();
        services.AddTransient<OwnFleetEnrolment>();
        services.AddSingleton<FleetCredentialKey>();
        services.AddTransient<ResultEvaluation>();
        services.AddTransient<ResultValidation>();
        services.AddTransient<CentralTraining>();
        services.AddTransient<RoundAggregator>();
        services.AddTransient<RoundRewarding>();
        services.AddTransient<RewardPrograms>();
        services.AddTransient<LedgerCorrections>();
        services.AddTransient<JobPolicyProposals>();
        services.AddTransient<PayoutBatches>();
        services.AddTransient<VersionDecisions>();
        services.AddTransient<JobControls>();
        services.AddTransient<PolicyChanges>();
        services.AddSingleton<RefusalLog>();
        services.AddFedAccounts();
        services.AddTransient<IRoundScheduler, HangfireRoundScheduler>();
        services.AddTransient<EdgeRoundAggregator>();
        services.AddTransient<AggregationStart>();
        services.AddTransient<RoundContinuation>();

        services.AddHangfire((provider, configuration) => ConfigureHangfire(configuration, connectionString, node.ListensForOtherNodes, provider.GetRequiredService<ILoggerFactory>()));
        AddHangfireServers(services, node, builder.Configuration.GetSection(OrchestrationOptions.Section).Get<OrchestrationOptions>() ?? new());

        AddSimulatedFleet(builder);
        return builder;
    }

    /// <summary>
    /// A full node: the round steps on "default", training, and the queue of every edge without a live edge node
    /// (<see cref="EdgeQueueTakeover"/>). An edge node: its edge's queue only, with as many workers as a full node's
    /// training queue. An edge node's queue is known once <see cref="NodePlacement"/> has read the edges, before the servers start.
    /// </summary>
    private static void AddHangfireServers(IServiceCollection services, NodeOptions node, OrchestrationOptions orchestration)
    {
        var queueWorkers = orchestration.QueueWorkers;
        if (node.IsEdge)
        {
            services.AddHangfireServer((sp, o) =>
            {
                o.ServerName = $"{sp.GetRequiredService<NodeIdentity>().Name}:edge";
                o.Queues = [.. sp.GetRequiredService<NodePlacement>().Queues];
                o.WorkerCount = queueWorkers;
            });
            return;
        }
        services.AddHangfireServer((sp, o) =>
        {
            o.ServerName = $"{sp.GetRequiredService<NodeIdentity>().Name}:orchestration";
            o.Queues = ["default"];
            o.WorkerCount = 4;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        services.AddHangfireServer((sp, o) =>
        {
            o.ServerName = $"{sp.GetRequiredService<NodeIdentity>().Name}:training";
            o.Queues = [TrainParticipantsJob.Queue];
            o.WorkerCount = queueWorkers;
        });
        services.AddHostedService<EdgeQueueTakeover>();
    }

    private static string BlobRoot(IServiceProvider services) =>
        Path.GetFullPath(services.GetRequiredService<IOptions<DataOptions>>().Value.BlobPath, services.GetRequiredService<IHostEnvironment>().ContentRootPath);

    /// <summary>
    /// This process as a node on the shared database: its row, its heartbeat and the leader lease. Registered before the
    /// singleton work's services, so the first heartbeat (which takes the lease when nobody holds it) runs before they start.
    /// </summary>
    /// <param name="queues">The Hangfire queues this node serves, asked for when the node's identity is first needed.</param>
    public static IServiceCollection AddFedNode(this IServiceCollection services, Func<IServiceProvider, IReadOnlyList<string>> queues)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NodeOptions>>().Value;
            return new NodeIdentity(NodeIdentity.NameFrom(options), options.ParsedRole, queues(sp), NodeIdentity.CurrentVersion(), sp.GetRequiredService<TimeProvider>().GetUtcNow(),
                options.NormalizedPublicUrl);
        });
        services.AddSingleton<ServedQueues>();
        services.AddSingleton<TakenOverQueues>();
        services.AddSingleton<IEdgeQueues>(sp => sp.GetRequiredService<ServedQueues>());
        services.AddSingleton<LoneNodeCheck>();
        services.AddSingleton<EdgeNodeAddresses>();
        services.AddSingleton<IEdgeNodeAddresses>(sp => sp.GetRequiredService<EdgeNodeAddresses>());
        services.AddSingleton<DatabaseClock>();
        services.AddSingleton<LeaseStatements>();
        services.AddSingleton<Leadership>();
        services.AddSingleton<ILeadership>(sp => sp.GetRequiredService<Leadership>());
        services.AddSingleton<NodeRegistry>();
        services.AddSingleton<NodeHeartbeat>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeHeartbeat>());
        return services;
    }

    /// <summary>The simulated fleet: a client of the terminal-facing services, trained on every node, moved by one.</summary>
    private static void AddSimulatedFleet(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTransient<FleetSeeder>();
        services.AddSingleton<SimulatedCredentials>();
        services.AddTransient<ITerminalChannel, InProcessTerminalChannel>();
        services.AddSingleton<FleetEngine>();
        services.AddTransient<SimulatedTerminal>();
        services.AddSingleton<DownloadedModels>();
        services.AddSingleton<TrainingSlots>();
        services.AddTransient<TerminalTrainingData>();
        services.AddTransient<TerminalTraining>();
        services.AddSingleton<SimulatedAttack>();
        services.AddTransient<IAssignmentNotifier, SimulatedTrainingQueue>();
        services.AddFleetTransport(builder.Configuration);
        if (builder.Configuration.GetSection(SimulationOptions.Section).Get<SimulationOptions>()?.Simulate ?? true)
            services.AddHostedService<FleetSimulator>();
    }

    /// <summary>Operator accounts in the app's database (needs a scoped <see cref="FedDbContext"/>); the web app adds sign-in on top.</summary>
    public static IServiceCollection AddFedAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<FedUser>(o =>
            {
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = SecurityOptions.MinPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FedDbContext>();
        services.AddScoped<UserAdministration>();
        return services;
    }

    private static void ConfigureHangfire(IGlobalConfiguration configuration, string connectionString, bool listenForOtherNodes, ILoggerFactory loggerFactory) => configuration
        .UseLogProvider(new HostLogProvider(loggerFactory))
        .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
        .UseSimpleAssemblyNameTypeSerializer()
        .UseRecommendedSerializerSettings()
        .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
        {
            SchemaName = DatabasePreparation.HangfireSchema,
            // Installed at start by the owner (FedStartup): the app's role may not change the schema.
            PrepareSchemaIfNecessary = false,
            // Defaults poll every 15 s; rounds take about a second, so wake workers on enqueue instead: this node's own at
            // once, another node's by PostgreSQL's notifications unless the node is alone (NodeOptions.Alone: each woke every
            // listening worker, 160 queue queries a round of the 2NN benchmark).
            QueuePollInterval = TimeSpan.FromSeconds(1),
            EnableLongPolling = listenForOtherNodes,
            // Without it a training longer than the invisibility timeout would start again on another worker.
            UseSlidingInvisibilityTimeout = true,
            // A job fetched by a node that died is fetched again after this; a live node's job stays invisible, its
            // fetch renewed every fifth of it (sliding). One minute: a killed edge node's step resumes a minute later.
            InvisibilityTimeout = TimeSpan.FromMinutes(1),
            // A lock row of a node that died (the delayed-job poller takes one every second) blocks its resource until it
            // is this old: ten minutes by default, in which no delayed step (the next round's start, a deadline) moves to
            // its queue. Locks are held for milliseconds, and the jobs that hold one for their run are safe to run twice.
            DistributedLockTimeout = TimeSpan.FromSeconds(30),
        });

    internal static void AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration) where T : class, IValidatedOptions
    {
        services.AddOptions<T>().Bind(configuration.GetSection(T.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>, SectionValidator<T>>();
    }
}
