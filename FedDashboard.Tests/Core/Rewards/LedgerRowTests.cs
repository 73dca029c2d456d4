using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Rewards.Reports;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Rewards;

public sealed class LedgerRowTests
{
    [Fact]
    public void Of_MultipliersWithBinaryNoise_WrittenAsPeopleReadThem()
    {
        var quote = new RewardQuote(new RewardClaim(1, 1, 545, TimeSpan.Zero, 0, 0m), 0.1090m,
            SizeMultiplier: 1 + 0.5 * (545 / 500.0 - 1), RecencyMultiplier: 0.1 + 0.2, FrequencyMultiplier: 2.0 / 3, 0.1090m, RewardAdjustment.None, "");
        var entry = RewardEntry.ForResult(quote, jobId: 1, roundId: 1, "EUR", policyRevision: 0, TestData.Now);

        var row = LedgerRow.Of(entry, "job", 1, "terminal-00001", HardwareTier.Mid, "edge-1", null, null);

        Assert.Equal(1.045m, row.SizeMultiplier);
        Assert.Equal(0.3m, row.RecencyMultiplier);
        Assert.Equal(0.666667m, row.FrequencyMultiplier);
    }
}
