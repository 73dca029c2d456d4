using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Persistence;


namespace FedDashboard.Tests.Shared;

/// <summary>Ledger lines written as the rewarding step writes them, with the amounts, times and currencies a test chooses.</summary>
public static class LedgerEntries
{
    public static async Task<RewardEntry> AddRewardAsync(this FedDbContext db, int jobId, int roundId, int terminalId, int edgeId, decimal amount,
        DateTimeOffset at, string currency = "EUR")
    {
        var quote = new RewardQuote(new RewardClaim(terminalId, edgeId, 100, TimeSpan.Zero, 0, 0), amount, 1, 1, 1, amount, RewardAdjustment.None, "test");
        var entry = RewardEntry.ForResult(quote, jobId, roundId, currency, 0, at);
        db.RewardEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    public static async Task<RewardEntry> AddCorrectionAsync(this FedDbContext db, RewardEntry corrected, decimal amount, DateTimeOffset at)
    {
        var correction = RewardEntry.CorrectionOf(corrected, amount, "test correction", "olivia", at);
        db.RewardEntries.Add(correction);
        await db.SaveChangesAsync();
        return correction;
    }
}
