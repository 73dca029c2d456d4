using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// The learning algorithm a job runs, made from its policies and the edges' (read as they are now): where a new
/// strategy or aggregation rule is registered.
/// </summary>
public sealed class RoundStrategies(IOptions<FleetOptions> fleet)
{
    public ICentralStrategy For(TrainingJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var rule = ModelAggregation.For(job.Policy.Aggregation);
        return new CentralStrategy(job.Settings, rule,
            edge => new EdgeStrategy(edge, job.Settings, rule, AvailabilityOf(edge.Policy), fleet.Value.MapSize),
            ServerOptimization.For(job.Policy.Aggregation));
    }

    /// <summary>How the edge finds terminals willing to train, under its current policy.</summary>
    public IAvailability AvailabilityFor(EdgeServer edge) => AvailabilityOf(edge.Policy);

    private IAvailability AvailabilityOf(EdgePolicy policy) => policy.Availability switch
    {
        AvailabilityMode.EdgeAsks => new EdgeAsks(fleet.Value.Decline),
        AvailabilityMode.TerminalsAsk => new TerminalsAsk(),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy.Availability, "Unknown availability mode."),
    };
}
