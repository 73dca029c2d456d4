using FedDashboard.Core.Learning.Aggregation;


namespace FedDashboard.Core.Learning.Training;

/// <summary>FedAvg's client hyper-parameters: E local epochs, minibatch size B, SGD learning rate.</summary>
public sealed record LocalTrainingSettings(int Epochs, int BatchSize, double LearningRate)
{
    public int Epochs { get; init; } = Epochs > 0
        ? Epochs
        : throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");

    public int BatchSize { get; init; } = BatchSize > 0
        ? BatchSize
        : throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Batch size must be at least 1.");

    public double LearningRate { get; init; } = double.IsFinite(LearningRate) && LearningRate > 0
        ? LearningRate
        : throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Learning rate must be a finite number greater than 0.");
}
