namespace FedDashboard.Core.Simulation;

/// <summary>Why a simulated terminal stopped its local training before the end, and what comes next.</summary>
public abstract record TrainingInterruption(string Reason)
{
    /// <summary>The edge ended the participation (departed, replaced by a standby, timed out): the partial result is discarded.</summary>
    public sealed record Ended(string Reason) : TrainingInterruption(Reason);

    /// <summary>The edge granted the lighter nested model of this width; the training goes on with it.</summary>
    public sealed record Swap(double Width, string Reason) : TrainingInterruption(Reason);
}
