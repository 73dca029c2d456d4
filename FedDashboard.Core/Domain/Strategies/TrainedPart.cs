using FedDashboard.Core.Learning.Anomaly;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>
/// The part of the global model a result trained: the nested block up to <see cref="Width"/> of the layers in
/// <see cref="Segments"/> (null: every layer). Aggregation averages each parameter over the results that trained it.
/// </summary>
public sealed record TrainedPart(double Width, IReadOnlySet<string>? Segments)
{
    /// <summary>The whole global model, every layer at full width.</summary>
    public static readonly TrainedPart Whole = new(1.0, null);

    public static TrainedPart Of(double width, string? segment) =>
        new(width, segment is null ? null : new HashSet<string>(StringComparer.Ordinal) { segment });

    /// <summary>
    /// What several results trained together, as one edge's model holds it: the widest block (tiers nest, so it
    /// contains the rest) and every layer any of them trained. With different widths on different layers this
    /// over-counts the narrow layers' outer block, which then carries the edge's start values.
    /// </summary>
    public static TrainedPart Union(IEnumerable<TrainedPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        if (list.Count == 0) throw new ArgumentException("A union needs at least one trained part.", nameof(parts));
        var segments = list.Any(p => p.Segments is null)
            ? null
            : new HashSet<string>(list.SelectMany(p => p.Segments!), StringComparer.Ordinal);
        return new TrainedPart(list.Max(p => p.Width), segments);
    }

    public ModelSpec Spec(ModelArchitecture architecture) => new(architecture, Width);

    public TrainedResult Trained(ParameterSet parameters, ModelArchitecture architecture) => new(parameters, Spec(architecture), Segments);
}
