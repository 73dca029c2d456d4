using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies.Filtering;

public sealed class TypeCriterion(IReadOnlyList<TerminalType> allowed) : ICriterion<TerminalEvidence>
{
    public string? Rejects(TerminalEvidence terminal) => allowed.Contains(terminal.Terminal.Type)
        ? null
        : $"Terminal type {terminal.Terminal.Type} is not among the edge's allowed {string.Join(", ", allowed)}";
}
