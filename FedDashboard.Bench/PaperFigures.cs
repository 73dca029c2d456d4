using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;


namespace FedDashboard.Bench;

/// <summary>
/// Rounds to reach the target accuracy reported by McMahan et al. 2017, "Communication-Efficient Learning of
/// Deep Networks from Decentralized Data", Table 1 (2NN: E = 1, target 97%; CNN: E = 5, target 99%), and where Table 2
/// gives another figure for the same setting, that one too.
/// </summary>
internal static class PaperFigures
{
    private static readonly Dictionary<(ModelArchitecture, DataPartition, int Epochs, int Batch, double Fraction, double Target), PaperFigure> Rounds = new()
    {
        [(ModelArchitecture.Mlp2NN, DataPartition.Iid, 1, 10, 0.0, 0.97)] = new(316),
        [(ModelArchitecture.Mlp2NN, DataPartition.Iid, 1, 10, 0.1, 0.97)] = new(87),
        [(ModelArchitecture.Mlp2NN, DataPartition.Iid, 1, 10, 0.2, 0.97)] = new(77),
        [(ModelArchitecture.Mlp2NN, DataPartition.Iid, 1, 10, 0.5, 0.97)] = new(75),
        [(ModelArchitecture.Mlp2NN, DataPartition.Iid, 1, 10, 1.0, 0.97)] = new(70),
        [(ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, 1, 10, 0.0, 0.97)] = new(3275),
        [(ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, 1, 10, 0.1, 0.97)] = new(664),
        [(ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, 1, 10, 0.2, 0.97)] = new(619),
        [(ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, 1, 10, 0.5, 0.97)] = new(443),
        [(ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, 1, 10, 1.0, 0.97)] = new(380),
        [(ModelArchitecture.Cnn, DataPartition.Iid, 5, 10, 0.1, 0.99)] = new(18, Table2Rounds: 20),
        [(ModelArchitecture.Cnn, DataPartition.PathologicalNonIid, 5, 10, 0.1, 0.99)] = new(206, Table2Rounds: 229),
    };

    /// <summary>The paper's rounds for this setting, or null where its tables have no entry.</summary>
    public static PaperFigure? For(BenchJob job) =>
        job.Target is { } target && Rounds.TryGetValue((job.Settings.Model, job.Settings.Partition, job.Settings.LocalEpochs, job.Settings.BatchSize, job.Settings.ClientFraction, target), out var figure)
            ? figure
            : null;
}

internal sealed record PaperFigure(int Rounds, int? Table2Rounds = null)
{
    public override string ToString() => Table2Rounds is { } table2 ? $"{Rounds} rounds (Table 2: {table2})" : $"{Rounds} rounds";
}
