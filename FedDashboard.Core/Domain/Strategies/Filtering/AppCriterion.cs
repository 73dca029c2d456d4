using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies.Filtering;

public sealed class AppCriterion(IReadOnlyList<string> allowed) : ICriterion<TerminalEvidence>
{
    public string? Rejects(TerminalEvidence terminal) => allowed.Contains(terminal.Terminal.App, StringComparer.OrdinalIgnoreCase)
        ? null
        : $"App '{terminal.Terminal.App}' is not on the edge's allow-list ({string.Join(", ", allowed)})";
}
