namespace FedDashboard.Core.Learning.Formats;

/// <summary>
/// An exported ONNX file and TorchSharp on the same parameters and the same <see cref="Images"/> test images: how many
/// each got right and on how many they picked the same class.
/// </summary>
public sealed record OnnxCheckResult(int Images, int TorchCorrect, int OnnxCorrect, int Agreeing)
{
    /// <summary>0.1 accuracy points: the two may differ on at most one image in this many, in accuracy and in predictions.</summary>
    public const int ImagesPerAllowedDifference = 1000;

    public double TorchAccuracy => (double)TorchCorrect / Images;

    public double OnnxAccuracy => (double)OnnxCorrect / Images;

    public double Agreement => (double)Agreeing / Images;

    public bool Passed =>
        (long)Math.Abs(OnnxCorrect - TorchCorrect) * ImagesPerAllowedDifference <= Images
        && (long)(Images - Agreeing) * ImagesPerAllowedDifference <= Images;

    public override string ToString() =>
        $"TorchSharp {TorchAccuracy:P2}, ONNX Runtime {OnnxAccuracy:P2}, same prediction on {Agreeing} of {Images} images";
}
