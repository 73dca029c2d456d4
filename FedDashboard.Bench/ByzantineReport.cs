using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;


namespace FedDashboard.Bench;

/// <summary>The accuracy table, and the issue's target at 20 % attackers on IID data, judged per attack.</summary>
internal static class ByzantineReport
{
    /// <summary>Within this many accuracy points of the attack-free FedAvg, a robust rule holds.</summary>
    public const double HoldsWithin = 0.02;

    /// <summary>FedAvg fails visibly when it ends this many points or more below the attack-free FedAvg.</summary>
    public const double FailsBelow = 0.05;

    public sealed record TargetCheck(string Attack, double AttackFree, double FedAvg, AggregationRule BestRule, double Best)
    {
        public bool RobustHolds => Best >= AttackFree - HoldsWithin;
        public bool FedAvgFails => FedAvg <= AttackFree - FailsBelow;
        public bool Met => RobustHolds && FedAvgFails;
    }

    public static void PrintTable(ByzantinePlan plan, IReadOnlyList<ByzantineRun> runs)
    {
        Console.WriteLine("Final test accuracy after the last round (best over the rounds in brackets):");
        var width = plan.Attacks.Max(a => a.Name.Length);
        Console.WriteLine($"{"partition",-11} {"attack".PadRight(width)} {"attackers",9} " + string.Join(" ", plan.Rules.Select(r => $"{ByzantinePlan.Label(r),17}")));
        foreach (var partition in plan.Partitions)
        {
            foreach (var attack in plan.Attacks)
            {
                var cells = plan.Rules.Select(rule => runs.SingleOrDefault(r => r.Partition == partition && r.Attack == attack && r.Rule == rule) is { } run
                    ? $"{run.Final * 100,6:0.00} ({run.Best * 100,6:0.00})"
                    : "-");
                Console.WriteLine($"{Name(partition),-11} {attack.Name.PadRight(width)} {attack.Fraction,9:P0} " + string.Join(" ", cells.Select(c => $"{c,17}")));
            }
        }
    }

    /// <summary>One check per attack the plan ran at 20 % on IID data beside the attack-free FedAvg; empty when those runs are missing.</summary>
    public static IReadOnlyList<TargetCheck> Checks(IReadOnlyList<ByzantineRun> runs)
    {
        var iid = runs.Where(r => r.Partition == DataPartition.Iid).ToList();
        if (iid.SingleOrDefault(r => r.Attack == ByzantineAttack.None && r.Rule == AggregationRule.FedAvg) is not { } attackFree) return [];
        return [.. iid.Where(r => r.Attack.Fraction == 0.2).GroupBy(r => r.Attack.Name).SelectMany(attack =>
        {
            var fedAvg = attack.SingleOrDefault(r => r.Rule == AggregationRule.FedAvg);
            var best = attack.Where(r => r.Rule != AggregationRule.FedAvg).MaxBy(r => r.Final);
            return fedAvg is null || best is null ? [] : new[] { new TargetCheck(attack.Key, attackFree.Final, fedAvg.Final, best.Rule, best.Final) };
        })];
    }

    public static void PrintChecks(IReadOnlyList<TargetCheck> checks)
    {
        Console.WriteLine($"Target at 20 % attackers, IID: the best robust rule within {HoldsWithin * 100:0} points of attack-free FedAvg, and FedAvg {FailsBelow * 100:0} points or more below it.");
        if (checks.Count == 0) Console.WriteLine("  not judged: the plan did not run attack-free FedAvg and 20 % attackers on IID data.");
        foreach (var c in checks)
        {
            Console.WriteLine(
                $"  {c.Attack}: attack-free {c.AttackFree:P2}; FedAvg {c.FedAvg:P2} ({Points(c.FedAvg - c.AttackFree)}, {(c.FedAvgFails ? "fails" : "does NOT visibly fail")}); " +
                $"best robust {ByzantinePlan.Label(c.BestRule)} {c.Best:P2} ({Points(c.Best - c.AttackFree)}, {(c.RobustHolds ? "holds" : "does NOT hold")}) => target {(c.Met ? "MET" : "NOT met")}");
        }
    }

    public static string Name(DataPartition partition) => partition == DataPartition.Iid ? "IID" : "non-IID";

    private static string Points(double difference) => $"{difference * 100:+0.00;-0.00} points";
}
