using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Training;

namespace FedDashboard.Core.Learning.Formats;

/// <summary>
/// The gate before an ONNX file is offered: run it in ONNX Runtime on the test images as a client would (raw pixels)
/// and compare with TorchSharp on the same parameters and the same images (normalised as training does).
/// </summary>
public static class OnnxExportCheck
{
    public static OnnxCheckResult Run(byte[] onnxModel, ModelArchitecture architecture, ParameterSet parameters, MnistRawSplit test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (test.Count == 0)
        {
            throw new ArgumentException("Cannot check an export on an empty set of images.", nameof(test));
        }
        var onnx = OnnxRuntimePredictions.Predict(onnxModel, test);
        using var tensors = new MnistTensors(test.Normalised());
        var torch = ModelEvaluator.Predict(new ModelSpec(architecture), parameters, tensors);
        return new OnnxCheckResult(
            test.Count,
            TorchCorrect: Count(torch, test.Labels),
            OnnxCorrect: Count(onnx, test.Labels),
            Agreeing: Count(onnx, torch));
    }

    private static int Count(byte[] predictions, byte[] reference) =>
        predictions.Zip(reference).Count(pair => pair.First == pair.Second);
}
