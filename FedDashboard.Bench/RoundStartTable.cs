namespace FedDashboard.Bench;

internal static class RoundStartTable
{
    public static void Print(IReadOnlyList<RoundStartWorkload.Result> rows, IReadOnlyDictionary<int, double> targetsMs)
    {
        Console.WriteLine($"{"terminals",10} | {"in coverage",11} {"assigned",8} | {"start median",12} {"start p95",10} {"target",10} | warm-up starts");
        Console.WriteLine(new string('-', 96));
        foreach (var row in rows)
        {
            var target = targetsMs.TryGetValue(row.Terminals, out var ms) ? $"≤ {ms:0} ms" : "-";
            Console.WriteLine($"{row.Terminals,10:N0} | {row.InCoverage,11:N0} {row.Assigned,8:N0} | {row.Timings.MedianMs,9:0.0} ms {row.Timings.P95Ms,7:0.0} ms {target,10} | {row.WarmUp.Starts,5} ({row.WarmUp.MethodsCompiled:N0} methods compiled{(row.WarmUp.Settled ? "" : ", JIT NOT settled")})");
        }
    }
}
