using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using Google.Protobuf;
using Onnx;

namespace FedDashboard.Core.Learning.Formats;

/// <summary>
/// Writes a full-width model as an ONNX file a client runs without FedDashboard: it takes raw MNIST pixels
/// (float32 0-255, [N,1,28,28]) under <see cref="InputName"/>, normalises them inside the graph exactly as training
/// did, and returns <see cref="LogitsName"/> and <see cref="ProbabilitiesName"/> ([N,10]). See docs/model-formats.md.
/// </summary>
public static class OnnxExport
{
    public const string InputName = "image";
    public const string LogitsName = "logits";
    public const string ProbabilitiesName = "probabilities";

    /// <summary>Opset 17 with IR version 8, the pair ONNX 1.12 introduced: read by every ONNX Runtime since 1.12 (2022).</summary>
    public const long Opset = 17;
    public const long IrVersion = 8;
    public const string Producer = "FedDashboard";

    private const string _batch = "N";

    /// <param name="properties">Caller's metadata stored in the file beside the model's own (for example job and version).</param>
    /// <exception cref="ArgumentException">The parameters are not exactly the full-width model of <paramref name="architecture"/>,
    /// hold NaN or infinity, or a property is empty, null or takes one of the model's own keys.</exception>
    public static byte[] Export(ModelArchitecture architecture, ParameterSet parameters, IReadOnlyDictionary<string, string>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var own = OwnProperties(architecture);
        properties ??= new Dictionary<string, string>();
        RequireExportable(architecture, parameters, properties, own);

        var graph = new OnnxGraphBuilder($"FedDashboard {architecture}");
        graph.Input(InputName, _batch, null, 1, MnistSplit.ImageSide, MnistSplit.ImageSide);
        var scaled = graph.Node("Div", "scaled", [InputName, graph.Scalar("pixel_scale", MnistNormalisation.Scale)]);
        var centred = graph.Node("Sub", "centred", [scaled, graph.Scalar("mean", MnistNormalisation.Mean)]);
        var normalised = graph.Node("Div", "normalised", [centred, graph.Scalar("standard_deviation", MnistNormalisation.StandardDeviation)]);
        OnnxLayers.Add(graph, architecture, parameters, normalised, LogitsName);
        graph.Node("Softmax", ProbabilitiesName, [LogitsName], OnnxGraphBuilder.Int("axis", 1));
        graph.Output(LogitsName, _batch, null, MnistSplit.ClassCount);
        graph.Output(ProbabilitiesName, _batch, null, MnistSplit.ClassCount);

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = Producer,
            DocString = $"MNIST digit classifier ({architecture}) trained by federated learning in FedDashboard.",
            Graph = graph.Graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        model.MetadataProps.AddRange(own.Concat(properties)
            .Select(property => new StringStringEntryProto { Key = property.Key, Value = property.Value }));
        return model.ToByteArray();
    }

    private static Dictionary<string, string> OwnProperties(ModelArchitecture architecture) => new()
    {
        ["architecture"] = architecture.ToString(),
        ["input"] = $"{InputName}: float32 [N,1,{MnistSplit.ImageSide},{MnistSplit.ImageSide}], raw pixels 0-255 as in the MNIST files (0 background, 255 ink)",
        ["normalisation"] = $"inside the graph: {MnistNormalisation.Formula}",
        ["outputs"] = $"{LogitsName}: float32 [N,{MnistSplit.ClassCount}]; {ProbabilitiesName}: softmax of the logits; the digit is the index of the largest",
    };

    private static void RequireExportable(
        ModelArchitecture architecture, ParameterSet parameters, IReadOnlyDictionary<string, string> properties, Dictionary<string, string> own)
    {
        var full = new ModelSpec(architecture);
        if (ModelLayout.Mismatch(parameters, full) is { } mismatch)
        {
            throw new ArgumentException(
                $"Cannot export to ONNX: the parameters are not the full-width {architecture} (only full-width models are delivered): {mismatch}.",
                nameof(parameters));
        }
        if (parameters.HasNonFinite())
        {
            throw new ArgumentException("Cannot export to ONNX: the parameters hold NaN or infinite values.", nameof(parameters));
        }
        foreach (var (key, value) in properties)
        {
            if (string.IsNullOrWhiteSpace(key) || own.ContainsKey(key) || value is null)
            {
                throw new ArgumentException(
                    $"Cannot export to ONNX: metadata key '{key}' is empty, has no value or is one the export sets itself ({string.Join(", ", own.Keys)}).",
                    nameof(properties));
            }
        }
    }
}
