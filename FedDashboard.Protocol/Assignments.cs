namespace FedDashboard.Protocol;

/// <summary>
/// What the edge asks the terminal to do in a round. <see cref="Status"/> is Offered until the terminal accepts (it may
/// decline with a reason), then Training. The model to train is <see cref="ModelHash"/>: the part of the global model at
/// <see cref="Width"/>, restricted to <see cref="Segments"/> (parameter names; null: all), ready to download.
/// </summary>
/// <param name="Model">The architecture: Mlp2NN or Cnn.</param>
/// <param name="DataSource">Local: the terminal's own data; Edge: a data set the edge provides.</param>
/// <param name="DataOrdinal">The terminal's shard of the demo data set (MNIST) for agents run with the demo flag.</param>
/// <param name="PlannedSteps">The local SGD steps of the full work (epochs × ⌈samples ∕ batch size⌉ on the terminal's reported data).</param>
/// <param name="Demo">How the job splits the demo data set, so an agent run with the demo flag can cut the shard of <paramref name="DataOrdinal"/>.</param>
/// <param name="ProximalMu">FedProx's μ: train on the loss plus μ∕2·‖w − w_start‖², w_start the downloaded model; 0 for plain SGD.</param>
public sealed record AssignmentInfo(
    int AssignmentId, string Status, int JobId, int RoundNumber, string Model, string ModelHash, double Width, IReadOnlyList<string>? Segments,
    string DataSource, int DataOrdinal, int LocalEpochs, int BatchSize, double LearningRate, int PlannedSteps, int Seed, DateTimeOffset Deadline,
    DemoPartition? Demo = null, double ProximalMu = 0)
{
    public const string Offered = "Offered";
    public const string Training = "Training";
}

/// <summary>The job's split of the demo data set (MNIST's training images) among its terminals.</summary>
/// <param name="Partition">Iid or PathologicalNonIid.</param>
/// <param name="Terminals">The number of shards.</param>
/// <param name="Seed">The split's seed.</param>
public sealed record DemoPartition(string Partition, int Terminals, int Seed);

/// <summary>The terminal's answer to an offered assignment.</summary>
public sealed record Decision(bool Accept, string? Reason);

public sealed record DecisionReply(string Status, string Message);

/// <summary>How the local training goes; sent about every few seconds while training.</summary>
public sealed record ProgressReport(int StepsDone, int SamplesSeen, double SamplesPerSecond, double CpuLoad);

/// <summary>Continue, or Stop with the reason (the participation ended: timed out, departed, replaced by a standby, cancelled).</summary>
public sealed record ProgressReply(string Action, string? Reason)
{
    public const string Continue = "Continue";
    public const string Stop = "Stop";
}

public sealed record LighterModelRequest(string Reason);

/// <summary>The narrower width granted; the terminal narrows its weights to it and goes on.</summary>
public sealed record LighterModelReply(double Width, string Message);

/// <summary>What the upload's query carries beside the weights in its body.</summary>
/// <param name="Samples">Samples trained on; at most the data the terminal reported.</param>
public sealed record ResultMetadata(int Samples, double TrainLoss, double TrainAccuracy, double SamplesPerSecond, int PlannedSteps, int StepsDone);

/// <summary>The edge accepted the result (Duplicate: this key was accepted before and is counted once).</summary>
public sealed record UploadReply(bool Duplicate, string Message);
