namespace FedDashboard.Core.Learning.Data;

/// <summary>
/// How a raw MNIST pixel (0-255) becomes a model input: (p / 255 - mean) / standard deviation, in float32.
/// Training, evaluation and the exported ONNX graph all use these same steps, so they see identical inputs.
/// </summary>
public static class MnistNormalisation
{
    public const float Scale = 255f;
    public const float Mean = 0.1307f;
    public const float StandardDeviation = 0.3081f;

    public const string Formula = "(pixel / 255 - 0.1307) / 0.3081";

    public static float Apply(byte pixel) => (pixel / Scale - Mean) / StandardDeviation;
}
