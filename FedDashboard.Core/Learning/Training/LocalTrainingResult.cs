namespace FedDashboard.Core.Learning;

/// <summary>
/// The outcome of one client's local training. <see cref="TrainLoss"/> and <see cref="TrainAccuracy"/>
/// are averaged over the last epoch's minibatches, measured before each step.
/// </summary>
public sealed record LocalTrainingResult(
    ParameterSet Parameters,
    int Samples,
    int Steps,
    double TrainLoss,
    double TrainAccuracy,
    TimeSpan Duration);
