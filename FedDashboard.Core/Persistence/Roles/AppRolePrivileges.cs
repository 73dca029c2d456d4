using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Delivery;
using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Nodes;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Requests.Allocation;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FedDashboard.Core.Persistence.Roles;

/// <summary>
/// The rule for what the app's role may do, derived from the model so a table a migration adds is covered at the next
/// start: every table SELECT and INSERT; UPDATE unless its rows are written once; DELETE only where the app removes
/// rows. Never TRUNCATE, REFERENCES, TRIGGER, CREATE or ownership: only an owner can disable a trigger or drop a table.
/// Payout batches are updated on their way to being paid, but only in the columns that record that way; a paid batch's
/// decision and payment cannot change either: its trigger refuses.
/// </summary>
internal static class AppRolePrivileges
{
    /// <summary>Rows written once: the ledger, approvers' decisions on its corrections and the audit log (append-only by rule), and records of what happened (the master's allocation decisions and versions' held-out evaluations among them).</summary>
    private static readonly HashSet<Type> WrittenOnce =
    [
        typeof(RewardEntry), typeof(CorrectionDecision), typeof(AuditEntry), typeof(CoverageEvent), typeof(TelemetryRecord), typeof(SharedDataGrant),
        typeof(EdgeAggregate), typeof(CallbackDeliveryRecord), typeof(CallbackAttemptRecord), typeof(OnnxCheckRecord), typeof(DataProtectionKey), typeof(RequestAllocation),
        typeof(HeldOutEvaluation),
    ];

    /// <summary>Where the app removes rows: telemetry past its retention, nodes long gone, and an account's roles, claims, logins and tokens.</summary>
    private static readonly HashSet<Type> Deleted =
    [
        typeof(TelemetryRecord), typeof(ClusterNode), typeof(IdentityUserRole<string>), typeof(IdentityUserClaim<string>),
        typeof(IdentityUserLogin<string>), typeof(IdentityUserToken<string>), typeof(IdentityRoleClaim<string>),
    ];

    /// <summary>
    /// Where changing some columns is the app's work and changing the others a falsification: a batch keeps the amounts,
    /// scope and creator it was made with and only gets its decision and payment filled in; an item is only released. A client's
    /// API key keeps its secret's hash, client and scopes: it is only revoked and its use noted. A training request keeps
    /// what its client ordered (and the body hash its idempotency rests on): only its status, end and job change. A client's
    /// signing secret keeps its value: it is only marked shown and retired.
    /// </summary>
    private static readonly Dictionary<Type, string[]> UpdatedColumnsOnly = new()
    {
        [typeof(PayoutBatch)] =
        [
            nameof(PayoutBatch.Status), nameof(PayoutBatch.DecidedBy), nameof(PayoutBatch.DecidedAt), nameof(PayoutBatch.DecisionComment),
            nameof(PayoutBatch.PaidBy), nameof(PayoutBatch.PaidAt), nameof(PayoutBatch.PaymentReference),
        ],
        [typeof(PayoutBatchItem)] = [nameof(PayoutBatchItem.Released)],
        [typeof(ClientApiKey)] = [nameof(ClientApiKey.RevokedAt), nameof(ClientApiKey.RevokedBy), nameof(ClientApiKey.RevokeReason), nameof(ClientApiKey.LastUsedAt)],
        [typeof(ClientSigningSecret)] = [nameof(ClientSigningSecret.ShownAt), nameof(ClientSigningSecret.ShownTo), nameof(ClientSigningSecret.RetiredAt)],
        [typeof(TrainingRequest)] =
        [
            nameof(TrainingRequest.Status), nameof(TrainingRequest.EndCondition), nameof(TrainingRequest.EndReason), nameof(TrainingRequest.EndedAt),
            nameof(TrainingRequest.JobId),
        ],
    };

    public const string DefaultSchema = "public";

    public static IReadOnlyList<TablePrivileges> For(IModel model) => model.GetEntityTypes()
        .Where(t => t.GetTableName() is not null && t.FindOwnership() is null)
        .GroupBy(t => (Schema: t.GetSchema() ?? DefaultSchema, Table: t.GetTableName()!))
        .Select(g => new TablePrivileges(g.Key.Schema, g.Key.Table, Privileges(g.Select(t => t.ClrType).ToList()), UpdatableColumns(g)))
        .OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Table, StringComparer.Ordinal)
        .ToList();

    private static IReadOnlyList<string> UpdatableColumns(IEnumerable<IEntityType> types) => types
        .SelectMany(t => UpdatedColumnsOnly.GetValueOrDefault(t.ClrType, []).Select(p => t.FindProperty(p)!.GetColumnName()))
        .ToList();

    private static IReadOnlyList<string> Privileges(IReadOnlyCollection<Type> types)
    {
        List<string> privileges = ["SELECT", "INSERT"];
        if (!types.Any(WrittenOnce.Contains)) privileges.Add("UPDATE");
        if (types.Any(Deleted.Contains)) privileges.Add("DELETE");
        return privileges;
    }
}
