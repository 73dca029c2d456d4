namespace FedDashboard.Core.Learning;

/// <summary>
/// Streaming weighted mean of parameter sets: FedAvg aggregation when each weight is the client's
/// sample count. Keeps one running sum in double precision, never the sets themselves.
/// Not thread-safe: one aggregation is fed by one caller.
/// </summary>
public sealed class WeightedAverage
{
    private ParameterSet? _template;
    private double[][]? _sums;

    public double TotalWeight { get; private set; }

    public int Count { get; private set; }

    public void Add(ParameterSet parameters, double weight)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!double.IsFinite(weight) || weight <= 0)
        {
            throw new ArgumentException($"Weight must be a finite number greater than 0, but was {weight}.", nameof(weight));
        }
        if (parameters.HasNonFinite())
        {
            throw new ArgumentException("The parameter set contains NaN or infinite values and cannot be averaged.", nameof(parameters));
        }
        if (_template is null)
        {
            _template = parameters;
            _sums = [.. parameters.Arrays.Select(array => new double[array.Values.Length])];
        }
        else if (!_template.ShapeMatches(parameters))
        {
            throw new ArgumentException(
                $"The parameter set's names or shapes ({Describe(parameters)}) differ from those of the first set added ({Describe(_template)}).",
                nameof(parameters));
        }

        for (var i = 0; i < _sums!.Length; i++)
        {
            var sum = _sums[i];
            var values = parameters.Arrays[i].Values;
            for (var j = 0; j < sum.Length; j++)
            {
                sum[j] += weight * values[j];
            }
        }
        TotalWeight += weight;
        Count++;
    }

    public ParameterSet Result()
    {
        if (_template is null || _sums is null)
        {
            throw new InvalidOperationException("No parameter sets have been added, so there is no average.");
        }
        var arrays = new NamedArray[_sums.Length];
        for (var i = 0; i < arrays.Length; i++)
        {
            var sum = _sums[i];
            var mean = new float[sum.Length];
            for (var j = 0; j < mean.Length; j++)
            {
                mean[j] = (float)(sum[j] / TotalWeight);
            }
            var template = _template.Arrays[i];
            arrays[i] = new NamedArray(template.Name, (int[])template.Shape.Clone(), mean);
        }
        return new ParameterSet(arrays);
    }

    private static string Describe(ParameterSet parameters) =>
        string.Join(", ", parameters.Arrays.Select(array => $"{array.Name}[{string.Join("x", array.Shape)}]"));
}
