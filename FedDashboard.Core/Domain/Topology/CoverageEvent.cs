namespace FedDashboard.Core.Domain.Topology;

/// <summary>A terminal entering, leaving, or moving between edges' coverage; null stands for outside every coverage.</summary>
public sealed class CoverageEvent
{
    private CoverageEvent() { }

    public CoverageEvent(int terminalId, int? fromEdgeId, int? toEdgeId, DateTimeOffset at)
    {
        if (fromEdgeId == toEdgeId) throw new ArgumentException("A coverage event needs a change of edge.", nameof(toEdgeId));
        TerminalId = terminalId;
        FromEdgeId = fromEdgeId;
        ToEdgeId = toEdgeId;
        At = at;
    }

    public long Id { get; private set; }
    public int TerminalId { get; private set; }
    public int? FromEdgeId { get; private set; }
    public int? ToEdgeId { get; private set; }
    public DateTimeOffset At { get; private set; }
}
