using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>
/// A model that goes into a tier's aggregate: read on demand (a streaming rule reads it again rather than keep it), the
/// part of the global model it trained, and the samples it counts for.
/// </summary>
public sealed record Contribution(Func<ParameterSet> Read, TrainedPart Part, int Samples)
{
    public TierResult ToTierResult(ModelArchitecture architecture) => new(Read, Part.Spec(architecture), Samples, Part.Segments);
}
