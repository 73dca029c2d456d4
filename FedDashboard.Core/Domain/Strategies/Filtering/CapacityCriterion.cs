namespace FedDashboard.Core.Domain.Strategies.Filtering;

public sealed class CapacityCriterion(double min) : ICriterion<TerminalEvidence>
{
    public string? Rejects(TerminalEvidence terminal) => terminal.Capacity >= min
        ? null
        : $"Capacity score {terminal.Capacity:0.00} below the edge's minimum {min:0.00}";
}
