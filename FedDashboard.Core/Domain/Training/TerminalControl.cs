namespace FedDashboard.Core.Domain.Training;

/// <summary>
/// A terminal's SCAFFOLD control variate c_i in a job, as a blob at the global width; a terminal without one has zeros.
/// Moved by each accepted result's Δc_i in the same transaction as its edge's aggregate, so it moves once per result.
/// </summary>
public sealed class TerminalControl
{
    private TerminalControl() => ControlHash = "";

    public TerminalControl(int jobId, int terminalId, string controlHash, int roundId)
    {
        JobId = jobId;
        TerminalId = terminalId;
        ControlHash = controlHash;
        RoundId = roundId;
    }

    public int JobId { get; private set; }
    public int TerminalId { get; private set; }
    public string ControlHash { get; private set; }

    /// <summary>The round whose result moved it last.</summary>
    public int RoundId { get; private set; }

    public void MoveTo(string controlHash, int roundId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(controlHash);
        if (roundId <= RoundId) throw new InvalidOperationException($"Terminal {TerminalId}'s control in job {JobId} already moved in round {RoundId}; round {roundId} cannot move it again.");
        (ControlHash, RoundId) = (controlHash, roundId);
    }
}
