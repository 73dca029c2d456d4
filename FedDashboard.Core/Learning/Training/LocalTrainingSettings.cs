using FedDashboard.Core.Learning.Aggregation;


namespace FedDashboard.Core.Learning.Training;

/// <summary>
/// FedAvg's client hyper-parameters: E local epochs, minibatch size B, SGD learning rate; and FedProx's μ (Li et al.
/// 2020), the weight of the proximal term μ∕2·‖w − w_start‖² added to the loss (0: plain FedAvg).
/// </summary>
public sealed record LocalTrainingSettings(int Epochs, int BatchSize, double LearningRate, double ProximalMu = 0)
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

    public double ProximalMu { get; init; } = double.IsFinite(ProximalMu) && ProximalMu >= 0
        ? ProximalMu
        : throw new ArgumentOutOfRangeException(nameof(ProximalMu), ProximalMu, "The proximal term's μ must be a finite number of 0 or more.");
}
