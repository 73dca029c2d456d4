namespace FedDashboard.Core.Simulation;

/// <summary>Why a simulated terminal stopped its local training before the end, and what comes next.</summary>
public abstract record TrainingInterruption(string Reason)
{
    /// <summary>The participation is over (departed, replaced, timed out): the partial result is discarded.</summary>
    public sealed record Ended(string Reason) : TrainingInterruption(Reason);

    /// <summary>The terminal asks for the lighter nested model of this width and goes on with it.</summary>
    public sealed record Swap(double Width, string Reason) : TrainingInterruption(Reason);

    /// <summary>The edge finds the terminal too slow and hands its place to a standby.</summary>
    public sealed record Replace(string Reason) : TrainingInterruption(Reason);
}
