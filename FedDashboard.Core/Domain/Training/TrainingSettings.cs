using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;


namespace FedDashboard.Core.Domain.Training;

/// <summary>What a training job trains and how; fixed when the job is created (its <see cref="Policies.Job.JobPolicy"/> is not).</summary>
public sealed record TrainingSettings
{
    public ModelArchitecture Model { get; init; } = ModelArchitecture.Mlp2NN;
    public DataPartition Partition { get; init; } = DataPartition.Iid;

    /// <summary>C: the fraction of the fleet selected each round.</summary>
    public double ClientFraction { get; init; } = 0.1;

    /// <summary>E: local epochs per round.</summary>
    public int LocalEpochs { get; init; } = 1;

    /// <summary>B: local minibatch size.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>η: local SGD learning rate.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>κ: edge rounds between two combinations at the central server (1 = plain FedAvg).</summary>
    public int EdgeRoundsPerCombination { get; init; } = 1;

    public int RoundTimeoutSeconds { get; init; } = 120;
    public int Seed { get; init; } = 1;

    /// <summary>Terminals train on their own shard, or on the data set their edge hands out.</summary>
    public DataSource DataSource { get; init; } = DataSource.Local;

    /// <summary>Whether terminals also train on data shared by other terminals of their edge, under the rules below.</summary>
    public bool ShareData { get; init; }

    /// <summary>At most this many shared samples per terminal and round.</summary>
    public int ShareMaxSamples { get; init; } = 100;

    /// <summary>Only anonymized data is shared.</summary>
    public bool ShareRequireAnonymized { get; init; } = true;

    /// <summary>Only data refreshed within this many hours is shared.</summary>
    public double ShareMaxAgeHours { get; init; } = 24;

    /// <summary>A donor's data is shared in at most this many grants over the job.</summary>
    public int ShareMaxUses { get; init; } = 5;

    /// <summary>Whether the model is split by layers for training.</summary>
    public Segmentation Segmentation { get; init; } = Segmentation.None;

    /// <summary>
    /// How many images of its own the central server trains on, with the terminals' E, B and η, in a round whose accepted
    /// results are fewer than the round's C·K; 0: it only combines what the edges send.
    /// </summary>
    public int CentralDataSamples { get; init; }

    /// <summary>Whether the central server trains on its own data in a round that accepted this many of the fleet's results.</summary>
    public bool TrainsCentrally(int acceptedResults, int fleetSize) => CentralDataSamples > 0 && acceptedResults < ParticipantsPerRound(fleetSize);

    /// <summary>The local SGD steps of the full work on <paramref name="samples"/>: E epochs of ⌈samples ∕ B⌉ minibatches.</summary>
    public int PlannedSteps(long samples) => (int)Math.Min(int.MaxValue, LocalEpochs * ((samples + BatchSize - 1) / BatchSize));

    /// <summary>Every rule the settings break, each naming the setting and what is allowed; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Model)) errors.Add($"Model must be one of {string.Join(", ", Enum.GetNames<ModelArchitecture>())}.");
        if (!Enum.IsDefined(Partition)) errors.Add($"Partition must be one of {string.Join(", ", Enum.GetNames<DataPartition>())}.");
        if (!(ClientFraction > 0 && ClientFraction <= 1)) errors.Add($"ClientFraction must be greater than 0 and at most 1 (was {ClientFraction}).");
        if (LocalEpochs is < 1 or > 100) errors.Add($"LocalEpochs must be from 1 to 100 (was {LocalEpochs}).");
        if (BatchSize is < 1 or > 60_000) errors.Add($"BatchSize must be from 1 to 60000 (was {BatchSize}).");
        if (!(LearningRate > 0 && LearningRate <= 10)) errors.Add($"LearningRate must be greater than 0 and at most 10 (was {LearningRate}).");
        if (EdgeRoundsPerCombination is < 1 or > 100) errors.Add($"EdgeRoundsPerCombination must be from 1 to 100 (was {EdgeRoundsPerCombination}).");
        if (RoundTimeoutSeconds is < 1 or > 86_400) errors.Add($"RoundTimeoutSeconds must be from 1 to 86400 (was {RoundTimeoutSeconds}).");
        if (!Enum.IsDefined(DataSource)) errors.Add($"DataSource must be one of {string.Join(", ", Enum.GetNames<DataSource>())}.");
        if (!Enum.IsDefined(Segmentation)) errors.Add($"Segmentation must be one of {string.Join(", ", Enum.GetNames<Segmentation>())}.");
        if (ShareMaxSamples is < 1 or > 60_000) errors.Add($"ShareMaxSamples must be from 1 to 60000 (was {ShareMaxSamples}).");
        if (!(ShareMaxAgeHours > 0 && ShareMaxAgeHours <= 87_600)) errors.Add($"ShareMaxAgeHours must be greater than 0 and at most 87600 (was {ShareMaxAgeHours}).");
        if (ShareMaxUses is < 1 or > 1_000_000) errors.Add($"ShareMaxUses must be from 1 to 1000000 (was {ShareMaxUses}).");
        if (CentralDataSamplesError(CentralDataSamples) is { } central) errors.Add(central);
        return errors;
    }

    /// <summary>What is wrong with a count of the central server's own samples; null when it is allowed.</summary>
    public static string? CentralDataSamplesError(int samples) => samples is < 0 or > FederatedSplit.PoolImages
        ? $"CentralDataSamples must be from 0 (the central server does not train) to {FederatedSplit.PoolImages}, the training images outside the validation sample (was {samples})."
        : null;

    /// <summary>How many terminals a round selects from a fleet of the given size: max(C·K, 1).</summary>
    public int ParticipantsPerRound(int fleetSize) => Math.Max((int)Math.Round(ClientFraction * fleetSize), 1);

    /// <summary>Whether the central server combines the edge models at the end of this round.</summary>
    public bool CombinesAfter(int roundNumber) => roundNumber % EdgeRoundsPerCombination == 0;
}
