using CsvHelper;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Reports.Spreadsheets;

namespace FedDashboard.Core.Orchestration.Rewards.Reports;

/// <summary>
/// One ledger entry as both exports write it, named as finance reads it (CsvHelper generates the CSV mapping at compile
/// time; the XLSX writer reads the same properties). The payout batch is the one that holds the entry now, if any.
/// </summary>
[CsvRecord]
public sealed partial record LedgerRow
{
    public long Id { get; init; }
    [ColumnWidth(24)]
    public DateTime CreatedAtUtc { get; init; }
    public RewardKind Kind { get; init; }
    public int JobId { get; init; }
    public string Job { get; init; } = "";
    public int Round { get; init; }
    public string Terminal { get; init; } = "";
    public HardwareTier HardwareTier { get; init; }
    public string Edge { get; init; } = "";
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public decimal? ComputedAmount { get; init; }
    public decimal? SizeMultiplier { get; init; }
    public decimal? RecencyMultiplier { get; init; }
    public decimal? FrequencyMultiplier { get; init; }
    public RewardAdjustment Adjustment { get; init; }
    public int? PolicyRevision { get; init; }
    public long? CorrectsEntryId { get; init; }
    [ColumnWidth(60)]
    public string Note { get; init; } = "";
    public string CreatedBy { get; init; } = "";
    public int? PayoutBatchId { get; init; }
    public PayoutBatchStatus? PayoutBatchStatus { get; init; }

    /// <param name="batchId">The payout batch that holds the entry now (not one that released it), or null.</param>
    public static LedgerRow Of(RewardEntry e, string job, int round, string terminal, HardwareTier tier, string edge, int? batchId, PayoutBatchStatus? batchStatus) => new()
    {
        Id = e.Id,
        CreatedAtUtc = e.CreatedAt.UtcDateTime,
        Kind = e.Kind,
        JobId = e.JobId,
        Job = job,
        Round = round,
        Terminal = terminal,
        HardwareTier = tier,
        Edge = edge,
        Amount = e.Amount,
        Currency = e.Currency,
        ComputedAmount = e.ComputedAmount,
        SizeMultiplier = Readable(e.SizeMultiplier),
        RecencyMultiplier = Readable(e.RecencyMultiplier),
        FrequencyMultiplier = Readable(e.FrequencyMultiplier),
        Adjustment = e.Adjustment,
        PolicyRevision = e.PolicyRevision,
        CorrectsEntryId = e.CorrectsEntryId,
        Note = e.Note,
        CreatedBy = e.CreatedBy,
        PayoutBatchId = batchId,
        PayoutBatchStatus = batchStatus,
    };

    /// <summary>Six places, as people read a factor: 1.09, not the binary double's 1.0899999999999999. The amount columns are exact.</summary>
    private static decimal? Readable(double? multiplier) => multiplier is { } m ? Math.Round((decimal)m, 6) : null;
}
