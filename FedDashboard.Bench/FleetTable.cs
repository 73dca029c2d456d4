namespace FedDashboard.Bench;

internal static class FleetTable
{
    public static void Print(IReadOnlyList<FleetRow> rows, int targetSize, double tickTargetMs, double planTargetMs)
    {
        Console.WriteLine($"{"terminals",10} | {"tick median",11} {"tick p95",9} {"target",8} | {"changes/tick",12} {"covered",7} | {"plan median",11} {"plan p95",9} {"target",8} | {"selected",8} {"eligible",8} {"bytes/plan",10}");
        Console.WriteLine(new string('-', 136));
        foreach (var row in rows)
        {
            var atTarget = row.Terminals == targetSize;
            Console.WriteLine(
                $"{row.Terminals,10:N0} | {Ms(row.Ticks.Timings.MedianMs),11} {Ms(row.Ticks.Timings.P95Ms),9} {(atTarget ? $"≤ {tickTargetMs:0} ms" : "-"),8} | " +
                $"{row.Ticks.ChangesPerTick,12:0.0} {row.Ticks.CoveredShare,7:P0} | " +
                $"{Ms(row.Plans.Timings.MedianMs),11} {Ms(row.Plans.Timings.P95Ms),9} {(atTarget ? $"≤ {planTargetMs:0} ms" : "-"),8} | " +
                $"{row.Plans.Selected,8:N0} {row.Plans.Eligible,8:N0} {row.Plans.BytesPerPlan,10:N0}");
        }
    }

    private static string Ms(double milliseconds) => $"{milliseconds:0.000} ms";
}
