using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Persistence;


namespace FedDashboard.Core.Orchestration.Rewards;

/// <summary>
/// The ledger lines that count: every line except a correction that needs an approver's acceptance and has none (yet,
/// or was rejected). Every sum, budget, payout selection and export reads the ledger through this one rule.
/// </summary>
public static class CountingEntries
{
    /// <summary>The rule in SQL over a "RewardEntries" row aliased <c>e</c>, for the set-based payout statements.</summary>
    public const string Sql = """(NOT e."NeedsAcceptance" OR EXISTS (SELECT 1 FROM "CorrectionDecisions" d WHERE d."CorrectionId" = e."Id" AND d."Accepted"))""";

    public static IQueryable<RewardEntry> ThatCount(this IQueryable<RewardEntry> entries, FedDbContext db) =>
        entries.Where(e => !e.NeedsAcceptance || db.CorrectionDecisions.Any(d => d.CorrectionId == e.Id && d.Accepted));
}
