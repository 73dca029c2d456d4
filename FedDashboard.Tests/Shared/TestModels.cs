using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Tests.Shared;

/// <summary>
/// Hand-made parameter sets with the real layer names and shapes of the two architectures, written out
/// here independently of the product code. Each element's value comes from <c>value(name, index)</c>,
/// where index is the element's row-major position inside its array; 0 unless told otherwise.
/// </summary>
public static class TestModels
{
    public static ParameterSet Mlp2NN(int hidden, Func<string, int, float>? value = null) => Build(value,
        ("fc1.weight", [hidden, 784]), ("fc1.bias", [hidden]),
        ("fc2.weight", [hidden, hidden]), ("fc2.bias", [hidden]),
        ("fc3.weight", [10, hidden]), ("fc3.bias", [10]));

    public static ParameterSet Cnn(int channels1, int channels2, int hidden, Func<string, int, float>? value = null) => Build(value,
        ("conv1.weight", [channels1, 1, 5, 5]), ("conv1.bias", [channels1]),
        ("conv2.weight", [channels2, channels1, 5, 5]), ("conv2.bias", [channels2]),
        ("fc1.weight", [hidden, channels2 * 7 * 7]), ("fc1.bias", [hidden]),
        ("fc2.weight", [10, hidden]), ("fc2.bias", [10]));

    private static ParameterSet Build(Func<string, int, float>? value, params (string Name, int[] Shape)[] layout) =>
        new(layout.Select(array =>
        {
            var count = array.Shape.Aggregate(1, (product, dimension) => product * dimension);
            var values = Enumerable.Range(0, count).Select(index => value?.Invoke(array.Name, index) ?? 0f).ToArray();
            return new NamedArray(array.Name, array.Shape, values);
        }));
}
