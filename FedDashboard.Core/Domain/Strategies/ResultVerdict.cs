namespace FedDashboard.Core.Domain.Strategies;

/// <summary>An edge's judgement of one result: its validation accuracy, and every bound it broke (null: accepted).</summary>
public sealed record ResultVerdict(double ValidationAccuracy, string? Rejection)
{
    public bool Accepted => Rejection is null;
}
