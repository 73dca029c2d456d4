namespace FedDashboard.Core.Domain.Training;

/// <summary>
/// The time one step took in one round, summed over its occurrences (a step per terminal or per edge occurs several
/// times). Written by adding each occurrence as it ends, so it is read, never changed, through this class.
/// </summary>
public sealed class RoundStepTime
{
    private RoundStepTime() { }

    public int RoundId { get; private set; }
    public RoundStep Step { get; private set; }

    /// <summary>How many times the step ran in the round.</summary>
    public int Count { get; private set; }

    /// <summary>The occurrences' durations added up; steps that ran side by side add up to more than the wall time they took.</summary>
    public double TotalSeconds { get; private set; }

    /// <summary>The longest single occurrence.</summary>
    public double LongestSeconds { get; private set; }
}
