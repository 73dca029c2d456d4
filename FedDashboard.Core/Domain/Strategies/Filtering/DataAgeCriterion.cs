using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies.Filtering;

public sealed class DataAgeCriterion(double maxHours) : ICriterion<TerminalEvidence>
{
    public string? Rejects(TerminalEvidence terminal)
    {
        var hours = (terminal.AssignedAt - terminal.Terminal.DataUpdatedAt).TotalHours;
        return hours <= maxHours ? null : $"Data {hours:0.0} h old, older than the edge's maximum {maxHours:0.#} h";
    }
}
