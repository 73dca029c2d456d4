using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.Training;

/// <summary>
/// The outcome of one client's local training. <see cref="TrainLoss"/> and <see cref="TrainAccuracy"/>
/// are averaged over the last epoch's minibatches, measured before each step. <see cref="Samples"/> is the size of
/// the client's data; <see cref="SamplesSeen"/> counts every sample of every step taken.
/// </summary>
public sealed record LocalTrainingResult(
    ParameterSet Parameters,
    int Samples,
    int Steps,
    int SamplesSeen,
    double TrainLoss,
    double TrainAccuracy,
    TimeSpan Duration);
