using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Anomaly;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>A terminal's reported result as its edge evaluates it.</summary>
/// <param name="Terminal">The terminal as it is now.</param>
/// <param name="Reliability">Its record of work in earlier rounds.</param>
/// <param name="Samples">The samples the result was trained on.</param>
/// <param name="ValidationAccuracy">The result's model on the validation data, from 0 to 1.</param>
public sealed record EdgeResult(
    Terminal Terminal, Reliability Reliability, TrainedResult Trained, int Samples, DateTimeOffset AssignedAt, DateTimeOffset ReportedAt,
    double ValidationAccuracy);
