using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Models;
using System.Globalization;

namespace FedDashboard.Bench;

/// <summary>What `./fed bench byzantine` runs: every attack setting (0 % once) × partition × aggregation rule.</summary>
internal sealed record ByzantinePlan(
    TrainingSettings Settings, int Rounds, int Terminals, IReadOnlyList<ByzantineAttack> Attacks,
    IReadOnlyList<DataPartition> Partitions, IReadOnlyList<AggregationRule> Rules)
{
    public static ByzantinePlan From(BenchArguments args)
    {
        var settings = new TrainingSettings
        {
            Model = ModelArchitecture.Mlp2NN,
            ClientFraction = args.Number("fraction", 0.3),
            LocalEpochs = args.Integer("epochs", 1),
            BatchSize = args.Integer("batch", 10),
            LearningRate = args.Number("lr", 0.1),
            RoundTimeoutSeconds = 120,
            Seed = args.Integer("seed", 1),
        };
        if (settings.Validate() is { Count: > 0 } errors) throw new ArgumentException(string.Join(" ", errors));
        var rounds = args.Integer("rounds", 8);
        if (rounds is < 1 or > 10_000) throw new ArgumentException($"--rounds must be from 1 to 10000 (was {rounds}).");

        var fractions = List(args.Text("fractions", "0,10,20,30")).Select(Percent).Distinct().Order().ToList();
        var attacks = new List<ByzantineAttack>();
        if (fractions.Contains(0)) attacks.Add(ByzantineAttack.None);
        foreach (var name in List(args.Text("attacks", "signflip,scale")))
            attacks.AddRange(fractions.Where(f => f > 0).Select(f => ByzantineAttack.Named(name, f)));

        var partitions = args.Text("partition", "both") switch
        {
            "both" => new[] { DataPartition.Iid, DataPartition.PathologicalNonIid },
            "iid" => [DataPartition.Iid],
            "noniid" => [DataPartition.PathologicalNonIid],
            var other => throw new ArgumentException($"--partition must be iid, noniid or both (was '{other}')."),
        };
        var rules = List(args.Text("rules", "fedavg,median,trimmed,clipping")).Select(RuleNamed).Distinct().ToList();
        return new ByzantinePlan(settings, rounds, args.Integer("terminals", 100), attacks, partitions, rules);
    }

    public int RunCount => Attacks.Count * Partitions.Count * Rules.Count;

    public BenchJob Job(DataPartition partition, AggregationRule rule) => new(
        Settings with { Partition = partition },
        JobPolicy.Default with
        {
            AutoApprove = true,
            Aggregation = new AggregationPolicy { Rule = rule },
            Termination = new TerminationPolicy { MaxRounds = Rounds },
        });

    public static string Label(AggregationRule rule) => rule switch
    {
        AggregationRule.FedAvg => "FedAvg",
        AggregationRule.CoordinateMedian => "median",
        AggregationRule.TrimmedMean => "trimmed mean",
        AggregationRule.NormClipping => "clipping",
        _ => rule.ToString(),
    };

    private static AggregationRule RuleNamed(string name) => name switch
    {
        "fedavg" => AggregationRule.FedAvg,
        "median" => AggregationRule.CoordinateMedian,
        "trimmed" => AggregationRule.TrimmedMean,
        "clipping" => AggregationRule.NormClipping,
        _ => throw new ArgumentException($"--rules takes fedavg, median, trimmed and clipping, comma-separated (was '{name}')."),
    };

    private static double Percent(string text) =>
        int.TryParse(text, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 100
            ? percent / 100.0
            : throw new ArgumentException($"--fractions takes whole percentages from 0 to 100, comma-separated (was '{text}').");

    private static string[] List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
