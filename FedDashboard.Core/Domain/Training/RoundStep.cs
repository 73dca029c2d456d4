namespace FedDashboard.Core.Domain.Training;

/// <summary>Where a round's time goes: the steps timed in every round, in the order they happen.</summary>
public enum RoundStep
{
    /// <summary>Selecting the terminals, saving the round and handing out the assignments.</summary>
    Start,
    /// <summary>A terminal takes its assignment and downloads the model (once per terminal).</summary>
    Download,
    /// <summary>A terminal's local training (once per terminal).</summary>
    Training,
    /// <summary>A terminal uploads its result and the edge records it (once per terminal).</summary>
    Upload,
    /// <summary>An edge judges its terminals' results (once per edge).</summary>
    Evaluation,
    /// <summary>An edge aggregates the results it accepted (once per edge).</summary>
    Aggregation,
    /// <summary>The centre combines the edges' models and measures the candidate on the test set.</summary>
    Combination,
    /// <summary>The candidate is stored and recorded as a version, and the round completes.</summary>
    Versioning,
    /// <summary>The accepted results are rewarded.</summary>
    Rewarding,
}
