namespace FedDashboard.Core.Domain.Strategies.Filtering;

public sealed class DataSizeCriterion(int min) : ICriterion<TerminalEvidence>
{
    public string? Rejects(TerminalEvidence terminal) => terminal.DataSamples >= min
        ? null
        : $"Data of {terminal.DataSamples} samples below the edge's minimum {min}";
}
