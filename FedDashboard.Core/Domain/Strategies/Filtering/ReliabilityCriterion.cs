using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Core.Domain.Strategies.Filtering;

/// <summary>A terminal without a record passes: it has to be selected to make one.</summary>
public sealed class ReliabilityCriterion(double min) : ICriterion<TerminalEvidence>
{
    public string? Rejects(TerminalEvidence terminal) => terminal.Reliability.Rate is not { } rate || rate >= min
        ? null
        : $"Reliability {terminal.Reliability.Text} below the edge's minimum {min:P0}";
}
