using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Bench;

/// <summary>How an export's peak memory changed from one ledger size to the next (10× the entries, or more).</summary>
internal sealed record LedgerRatio(string Format, string Memory, int FromEntries, int ToEntries, double FromMb, double ToMb, double Ratio, bool Met);

internal static class LedgerTable
{
    public static List<LedgerRatio> Print(IReadOnlyList<LedgerExportRun> runs, double flatFactor)
    {
        Console.WriteLine($"{"format",-6} {"entries",10} {"time s",8} {"rows/s",9} {"file MB",8} {"retained MB",12} {"RSS MB",8} {"allocated MB",13}");
        foreach (var run in runs)
            Console.WriteLine($"{run.Format,-6} {run.Entries,10:N0} {run.Seconds,8:0.0} {run.RowsPerSecond,9:N0} {run.FileBytes / 1048576.0,8:0.0} {run.Memory.RetainedMb,12:0.0} {run.Memory.RssMb,8:0.0} {run.Memory.AllocatedMb,13:0.0}");

        var ratios = new List<LedgerRatio>();
        foreach (var format in runs.Select(r => r.Format).Distinct())
        {
            var sizes = runs.Where(r => r.Format == format).OrderBy(r => r.Entries).ToList();
            foreach (var (before, after) in sizes.Zip(sizes.Skip(1)))
            {
                ratios.Add(Ratio(format, "retained", before, after, r => r.Memory.RetainedMb, flatFactor));
                ratios.Add(Ratio(format, "RSS", before, after, r => r.Memory.RssMb, flatFactor));
            }
        }
        Console.WriteLine();
        foreach (var r in ratios)
            Console.WriteLine($"{r.Format,-5} {r.Memory,-9} {r.FromEntries,9:N0} → {r.ToEntries,9:N0} entries: peak {r.FromMb,6:0.0} → {r.ToMb,6:0.0} MB, ratio {r.Ratio:0.00} (target ≤ {flatFactor}) {(r.Met ? "met" : "MISSED")}");
        return ratios;
    }

    private static LedgerRatio Ratio(string format, string memory, LedgerExportRun before, LedgerExportRun after, Func<LedgerExportRun, double> peak, double flatFactor)
    {
        // A peak below 1 MB is noise in the sampling, not a base to divide by.
        var ratio = peak(after) / Math.Max(peak(before), 1);
        return new(format, memory, before.Entries, after.Entries, Math.Round(peak(before), 1), Math.Round(peak(after), 1), Math.Round(ratio, 2), ratio <= flatFactor);
    }
}
