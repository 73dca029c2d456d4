using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.Models;

public static class ModelInitializer
{
    /// <summary>
    /// PyTorch's default initialisation for Linear and Conv2d (weights and biases uniform in
    /// ±1/sqrt(fan_in)), drawn from a seeded .NET <see cref="Random"/> instead of libtorch's global
    /// generator, so the result depends only on the seed even with concurrent trainings.
    /// </summary>
    public static ParameterSet Initial(ModelSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var module = ModelFactory.Create(spec);
        var random = new Random(seed);
        var layout = ModuleParameters.Extract(module).Arrays;
        var fanIns = layout
            .Where(array => array.Name.EndsWith(".weight", StringComparison.Ordinal))
            .ToDictionary(array => LayerOf(array.Name), array => array.Values.Length / array.Shape[0]);

        return new ParameterSet(layout.Select(array =>
        {
            var bound = 1.0 / Math.Sqrt(fanIns[LayerOf(array.Name)]);
            var values = new float[array.Values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)((random.NextDouble() * 2 - 1) * bound);
            }
            return array with { Values = values };
        }));
    }

    private static string LayerOf(string parameterName) => parameterName[..parameterName.LastIndexOf('.')];
}
