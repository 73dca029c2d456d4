using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Learning.Anomaly;


namespace FedDashboard.Core.Domain.Strategies.Filtering;

/// <summary>What an edge knows of a result after training.</summary>
/// <param name="ValidationAccuracy">The result's model on the validation data, from 0 to 1.</param>
/// <param name="ReportDelay">From the assignment to the report.</param>
/// <param name="Deviation">How its update lies against the edge's other results of the round.</param>
public sealed record ResultEvidence(TerminalEvidence Terminal, double ValidationAccuracy, TimeSpan ReportDelay, UpdateDeviation Deviation);
