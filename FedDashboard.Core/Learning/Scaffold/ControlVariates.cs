using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;

namespace FedDashboard.Core.Learning.Scaffold;

/// <summary>
/// SCAFFOLD's control variates (Karimireddy et al. 2020, Algorithm 1 with option II) on plain parameter sets of one
/// shape: c the server's, c_i a terminal's. Sums in double precision, like the aggregation rules.
/// </summary>
public static class ControlVariates
{
    /// <summary>All zeros: c and every c_i before the first round.</summary>
    public static ParameterSet Zeros(ModelSpec spec) =>
        new(ModelLayout.Of(spec).Select(array => new NamedArray(array.Name, (int[])array.Shape.Clone(), new float[ShapeSize(array.Shape)])));

    /// <summary>
    /// The server's c from the state kept with a version: zeros when there is none, or when it is another rule's state
    /// (a FedAvgM velocity, say) because the job switched to SCAFFOLD.
    /// </summary>
    public static ParameterSet ServerOrZeros(ParameterSet? state, ModelSpec spec) =>
        state is not null && ModelLayout.Mismatch(state, spec) is null ? state : Zeros(spec);

    /// <summary>c − c_i, what each local step adds to the gradient.</summary>
    public static ParameterSet Correction(ParameterSet server, ParameterSet terminal) => Elementwise(server, terminal, (c, ci) => c - ci);

    /// <summary>
    /// Δc_i = c_i⁺ − c_i = (x − y_i) ∕ (K·η) − c, option II's new terminal control less the old one: c_i cancels, so the
    /// terminal needs only c, its start x and its trained y_i after <paramref name="steps"/> K steps at rate η.
    /// </summary>
    public static ParameterSet TerminalDelta(ParameterSet start, ParameterSet trained, ParameterSet server, int steps, double learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (!(learningRate > 0 && double.IsFinite(learningRate)))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The local learning rate is a finite number above 0.");
        var scale = 1.0 / (steps * learningRate);
        var drift = Elementwise(start, trained, (x, y) => (x - y) * scale);
        return Elementwise(drift, server, (d, c) => d - c);
    }

    /// <summary>The sample-weighted mean of a tier's Δc_i, each element over the deltas that cover it and 0 where none does.</summary>
    public static ParameterSet MeanDelta(ModelSpec globalSpec, IReadOnlyCollection<TierResult> deltas) =>
        new FedAvg().Aggregate(Zeros(globalSpec), globalSpec, deltas);

    /// <summary>c ← c + (|S| ∕ N)·mean Δc_i, with |S| the results that brought a delta and N the job's terminals.</summary>
    public static ParameterSet NextServer(ParameterSet server, ParameterSet meanDelta, int participants, int fleet)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fleet, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(participants);
        var share = Math.Min(1.0, (double)participants / fleet);
        return Elementwise(server, meanDelta, (c, delta) => c + share * delta);
    }

    /// <summary>c_i ← c_i + Δc_i on the part the terminal trained (its width, its layers); elsewhere c_i stays.</summary>
    public static ParameterSet NextTerminal(ParameterSet terminal, ParameterSet delta, ModelSpec trainedSpec, ModelSpec globalSpec, IReadOnlySet<string>? segments)
    {
        var updated = Elementwise(SubModel.Extract(terminal, globalSpec, trainedSpec), delta, (ci, d) => ci + d);
        var next = new TieredAverage(terminal);
        next.Add(updated, trainedSpec, globalSpec, 1, segments);
        return next.Result();
    }

    private static ParameterSet Elementwise(ParameterSet left, ParameterSet right, Func<double, double, double> map)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (!left.ShapeMatches(right)) throw new ArgumentException("The control variates do not have the same arrays and shapes.", nameof(right));
        return new ParameterSet(left.Arrays.Select((array, i) =>
        {
            var (a, b) = (array.Values, right.Arrays[i].Values);
            var values = new float[a.Length];
            for (var j = 0; j < a.Length; j++) values[j] = (float)map(a[j], b[j]);
            return array with { Shape = (int[])array.Shape.Clone(), Values = values };
        }));
    }

    private static int ShapeSize(int[] shape) => shape.Aggregate(1, (size, dimension) => size * dimension);
}
