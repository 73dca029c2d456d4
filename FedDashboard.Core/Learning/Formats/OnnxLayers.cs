using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using static FedDashboard.Core.Learning.Formats.OnnxGraphBuilder;

namespace FedDashboard.Core.Learning.Formats;

/// <summary>
/// The layers of <see cref="ModelFactory"/>'s two models as ONNX operators, node for node. The export's accuracy
/// test against TorchSharp keeps the two in step.
/// </summary>
internal static class OnnxLayers
{
    /// <summary>Adds the model from <paramref name="input"/> (normalised images) to logits, output under <paramref name="logits"/>.</summary>
    public static void Add(OnnxGraphBuilder graph, ModelArchitecture architecture, ParameterSet parameters, string input, string logits)
    {
        switch (architecture)
        {
            case ModelArchitecture.Mlp2NN:
                var hidden = graph.Node("Flatten", "flatten", [input], Int("axis", 1));
                hidden = graph.Node("Relu", "relu1", [Linear(graph, parameters, "fc1", hidden)]);
                hidden = graph.Node("Relu", "relu2", [Linear(graph, parameters, "fc2", hidden)]);
                Linear(graph, parameters, "fc3", hidden, logits);
                break;
            case ModelArchitecture.Cnn:
                var features = graph.Node("Relu", "relu1", [Conv(graph, parameters, "conv1", input)]);
                features = MaxPool(graph, "pool1", features);
                features = graph.Node("Relu", "relu2", [Conv(graph, parameters, "conv2", features)]);
                features = MaxPool(graph, "pool2", features);
                features = graph.Node("Flatten", "flatten", [features], Int("axis", 1));
                features = graph.Node("Relu", "relu3", [Linear(graph, parameters, "fc1", features)]);
                Linear(graph, parameters, "fc2", features, logits);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "Unknown model architecture.");
        }
    }

    // TorchSharp's Linear computes x·Wᵀ + b with W stored [out, in]: Gemm with transB.
    private static string Linear(OnnxGraphBuilder graph, ParameterSet parameters, string layer, string input, string? output = null) =>
        graph.Node("Gemm", output ?? layer, [input, graph.Weight(parameters[$"{layer}.weight"]), graph.Weight(parameters[$"{layer}.bias"])],
            Int("transB", 1));

    private static string Conv(OnnxGraphBuilder graph, ParameterSet parameters, string layer, string input) =>
        graph.Node("Conv", layer, [input, graph.Weight(parameters[$"{layer}.weight"]), graph.Weight(parameters[$"{layer}.bias"])],
            Ints("kernel_shape", 5, 5), Ints("pads", 2, 2, 2, 2));

    private static string MaxPool(OnnxGraphBuilder graph, string layer, string input) =>
        graph.Node("MaxPool", layer, [input], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2));
}
