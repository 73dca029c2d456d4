using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Delivery;
using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Requests.Allocation;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Core.Persistence.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Persistence;

/// <remarks>Also Data Protection's key store: every node reads the key ring from here, so each decrypts what another encrypted.</remarks>
public sealed class FedDbContext(DbContextOptions<FedDbContext> options) : IdentityDbContext<FedUser>(options), IDataProtectionKeyContext
{
    public DbSet<EdgeServer> EdgeServers => Set<EdgeServer>();
    public DbSet<Terminal> Terminals => Set<Terminal>();
    public DbSet<CoverageEvent> CoverageEvents => Set<CoverageEvent>();
    public DbSet<TelemetryRecord> TelemetryRecords => Set<TelemetryRecord>();
    public DbSet<TrainingJob> TrainingJobs => Set<TrainingJob>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<RoundParticipant> RoundParticipants => Set<RoundParticipant>();
    public DbSet<RoundEdge> RoundEdges => Set<RoundEdge>();
    public DbSet<SharedDataGrant> SharedDataGrants => Set<SharedDataGrant>();
    public DbSet<EdgeAggregate> EdgeAggregates => Set<EdgeAggregate>();
    public DbSet<TerminalControl> TerminalControls => Set<TerminalControl>();
    public DbSet<RoundStepTime> RoundStepTimes => Set<RoundStepTime>();
    public DbSet<CentralContribution> CentralContributions => Set<CentralContribution>();
    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();
    public DbSet<RewardEntry> RewardEntries => Set<RewardEntry>();
    public DbSet<RewardProgram> RewardPrograms => Set<RewardProgram>();
    public DbSet<PayoutBatch> PayoutBatches => Set<PayoutBatch>();
    public DbSet<PayoutBatchItem> PayoutBatchItems => Set<PayoutBatchItem>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<JobPolicyProposal> JobPolicyProposals => Set<JobPolicyProposal>();
    public DbSet<CorrectionDecision> CorrectionDecisions => Set<CorrectionDecision>();
    public DbSet<EnrolmentCode> EnrolmentCodes => Set<EnrolmentCode>();
    public DbSet<TerminalCredential> TerminalCredentials => Set<TerminalCredential>();
    public DbSet<TerminalRefusalCount> TerminalRefusalCounts => Set<TerminalRefusalCount>();
    public DbSet<ClientApplication> ClientApplications => Set<ClientApplication>();
    public DbSet<ClientApiKey> ClientApiKeys => Set<ClientApiKey>();
    public DbSet<TrainingRequest> TrainingRequests => Set<TrainingRequest>();
    public DbSet<ClientSigningSecret> ClientSigningSecrets => Set<ClientSigningSecret>();
    public DbSet<CallbackDeliveryRecord> CallbackDeliveries => Set<CallbackDeliveryRecord>();
    public DbSet<CallbackAttemptRecord> CallbackAttempts => Set<CallbackAttemptRecord>();
    public DbSet<OnnxCheckRecord> OnnxChecks => Set<OnnxCheckRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RequestAllocation> RequestAllocations => Set<RequestAllocation>();
    public DbSet<HeldOutEvaluation> HeldOutEvaluations => Set<HeldOutEvaluation>();
    public DbSet<ClusterNode> ClusterNodes => Set<ClusterNode>();
    public DbSet<LeaderLease> LeaderLeases => Set<LeaderLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FedDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
