using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;


namespace FedDashboard.Bench;

/// <summary>
/// Rounds to reach the target accuracy reported by McMahan et al. 2017, "Communication-Efficient Learning of
/// Deep Networks from Decentralized Data", Table 1 (2NN: E = 1, target 97%; CNN: E = 5, target 99%).
/// </summary>
internal static class PaperFigures
{
    private static readonly Dictionary<(ModelArchitecture, DataPartition, int Batch, double Fraction), int> Rounds = new()
    {
        [(ModelArchitecture.Mlp2NN, DataPartition.Iid, 10, 0.0)] = 316,
        [(ModelArchitecture.Mlp2NN, DataPartition.Iid, 10, 0.1)] = 87,
        [(ModelArchitecture.Mlp2NN, DataPartition.Iid, 10, 0.2)] = 77,
        [(ModelArchitecture.Mlp2NN, DataPartition.Iid, 10, 0.5)] = 75,
        [(ModelArchitecture.Mlp2NN, DataPartition.Iid, 10, 1.0)] = 70,
        [(ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, 10, 0.0)] = 3275,
        [(ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, 10, 0.1)] = 664,
        [(ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, 10, 0.2)] = 619,
        [(ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, 10, 0.5)] = 443,
        [(ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, 10, 1.0)] = 380,
    };

    /// <summary>The paper's rounds for this setting, or null where Table 1 has no entry (the 2NN rows hold for E = 1 and target 97%).</summary>
    public static int? RoundsFor(BenchJob job) => RoundsFor(job.Settings, job.Target);

    private static int? RoundsFor(TrainingSettings settings, double? target) =>
        settings.LocalEpochs == 1 && target is 0.97
            ? Rounds.GetValueOrDefault((settings.Model, settings.Partition, settings.BatchSize, settings.ClientFraction)) is var rounds and > 0 ? rounds : null
            : null;
}
