namespace FedDashboard.Bench;

/// <summary>One export of the whole ledger to a file: how long it took, what it wrote, and the memory it added (see <see cref="MemoryProbe"/>).</summary>
internal sealed record LedgerExportRun(int Entries, string Format, long RowsWritten, double Seconds, long FileBytes, MemoryPeaks Memory)
{
    public double RowsPerSecond => RowsWritten / Seconds;
}
