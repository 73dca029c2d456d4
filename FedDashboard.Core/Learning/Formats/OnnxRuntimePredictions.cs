using FedDashboard.Core.Learning.Data;
using Microsoft.ML.OnnxRuntime;

namespace FedDashboard.Core.Learning.Formats;

/// <summary>Runs an exported model in ONNX Runtime (CPU) the way a client does: raw pixels in, the largest logit's class out.</summary>
public static class OnnxRuntimePredictions
{
    private const int _batchSize = 1000;

    /// <summary>The class the model picks for each image (the first of equal highest logits), in the images' order.</summary>
    /// <exception cref="OnnxRuntimeException">The bytes are not a model ONNX Runtime can run with our input and output names.</exception>
    public static byte[] Predict(byte[] onnxModel, MnistRawSplit images)
    {
        ArgumentNullException.ThrowIfNull(onnxModel);
        ArgumentNullException.ThrowIfNull(images);
        using var session = new InferenceSession(onnxModel);
        using var run = new RunOptions();
        var predictions = new byte[images.Count];
        var pixels = new float[_batchSize * MnistSplit.PixelsPerImage];
        for (var first = 0; first < images.Count; first += _batchSize)
        {
            var count = Math.Min(_batchSize, images.Count - first);
            var length = count * MnistSplit.PixelsPerImage;
            for (var i = 0; i < length; i++)
            {
                pixels[i] = images.Pixels[first * MnistSplit.PixelsPerImage + i];
            }
            using var input = OrtValue.CreateTensorValueFromMemory(
                OrtMemoryInfo.DefaultInstance, pixels.AsMemory(0, length), [count, 1, MnistSplit.ImageSide, MnistSplit.ImageSide]);
            using var outputs = session.Run(run, new Dictionary<string, OrtValue> { [OnnxExport.InputName] = input }, [OnnxExport.LogitsName]);
            var logits = outputs[0].GetTensorDataAsSpan<float>();
            for (var i = 0; i < count; i++)
            {
                predictions[first + i] = ArgMax(logits.Slice(i * MnistSplit.ClassCount, MnistSplit.ClassCount));
            }
        }
        return predictions;
    }

    private static byte ArgMax(ReadOnlySpan<float> logits)
    {
        byte best = 0;
        for (byte i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }
        return best;
    }
}
