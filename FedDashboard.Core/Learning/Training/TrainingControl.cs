namespace FedDashboard.Core.Learning.Training;

/// <summary>
/// Optional limits on a local training: at most <see cref="MaxSteps"/> minibatch steps, and a callback asked after
/// every step whether to go on. The callback runs synchronously on the training thread, between minibatches, so it
/// may block (to pace a slow device) but should be quick otherwise.
/// </summary>
public sealed record TrainingControl(int? MaxSteps = null, Func<TrainingProgress, bool>? ContinueAfter = null)
{
    public int? MaxSteps { get; init; } = MaxSteps is null or > 0
        ? MaxSteps
        : throw new ArgumentOutOfRangeException(nameof(MaxSteps), MaxSteps, "A step limit must be at least 1.");
}

/// <summary>How far a local training has come: steps taken, samples seen over all epochs, time spent.</summary>
public readonly record struct TrainingProgress(int Steps, int SamplesSeen, TimeSpan Elapsed);
