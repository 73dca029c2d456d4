using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Scaffold;

namespace FedDashboard.Tests.Shared;

public static class FilledParameters
{
    /// <summary>A model's arrays with every element set to <paramref name="value"/>.</summary>
    public static ParameterSet Of(ModelSpec spec, float value) =>
        new(ControlVariates.Zeros(spec).Arrays.Select(array => array with { Values = Enumerable.Repeat(value, array.Values.Length).ToArray() }));
}
