namespace FedDashboard.Core.Domain.Delivery;

/// <summary>
/// The outcome of running a version's ONNX export in ONNX Runtime against TorchSharp on the test images, kept so the
/// check runs once per version; the file itself is kept beside the model blobs under <see cref="FileHash"/>.
/// </summary>
public sealed class OnnxCheckRecord
{
    private OnnxCheckRecord() => FileHash = "";

    public OnnxCheckRecord(int versionId, string fileHash, int images, int torchCorrect, int onnxCorrect, int agreeing, bool passed, DateTimeOffset checkedAt)
    {
        VersionId = versionId;
        FileHash = fileHash;
        Images = images;
        TorchCorrect = torchCorrect;
        OnnxCorrect = onnxCorrect;
        Agreeing = agreeing;
        Passed = passed;
        CheckedAt = checkedAt;
    }

    /// <summary>The model version's id: one check per version.</summary>
    public int VersionId { get; private set; }

    public string FileHash { get; private set; }
    public int Images { get; private set; }
    public int TorchCorrect { get; private set; }
    public int OnnxCorrect { get; private set; }
    public int Agreeing { get; private set; }
    public bool Passed { get; private set; }
    public DateTimeOffset CheckedAt { get; private set; }
}
