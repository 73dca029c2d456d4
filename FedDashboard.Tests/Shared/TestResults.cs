using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Tests.Shared;

/// <summary>
/// Hand-made 2NN results for the aggregation rules, small enough to check by hand: the global model has 4 hidden
/// units (width 0.02), a narrower tier 2 or 1.
/// </summary>
public static class TestResults
{
    public static readonly ModelSpec Global = Spec(hidden: 4);

    public static ModelSpec Spec(int hidden) => new(ModelArchitecture.Mlp2NN, Width: hidden / 200.0);

    public static ParameterSet Template(float value = 9f) => TestModels.Mlp2NN(hidden: 4, value: (_, _) => value);

    /// <summary>A result with <paramref name="hidden"/> units trained on <paramref name="segments"/> (none given: every layer).</summary>
    public static TierResult Of(Func<string, int, float> value, int hidden = 4, double weight = 1, params string[] segments) =>
        new(() => TestModels.Mlp2NN(hidden, value), Spec(hidden), weight, segments.Length == 0 ? null : segments.ToHashSet());

    /// <summary>A result holding <paramref name="value"/> in every element.</summary>
    public static TierResult Constant(float value, int hidden = 4, double weight = 1, params string[] segments) =>
        Of((_, _) => value, hidden, weight, segments);
}
