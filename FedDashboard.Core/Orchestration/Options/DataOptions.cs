namespace FedDashboard.Core.Orchestration.Options;

public sealed class DataOptions : IValidatedOptions
{
    public static string Section => "Fed:Data";

    /// <summary>The folder holding the four MNIST IDX files; relative paths start at the content root.</summary>
    public string MnistPath { get; set; } = "../.data/mnist";

    /// <summary>The folder of content-addressed model weight files.</summary>
    public string BlobPath { get; set; } = "../.data/blobs";

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(MnistPath)) yield return "MnistPath must name the folder with the MNIST IDX files.";
        if (string.IsNullOrWhiteSpace(BlobPath)) yield return "BlobPath must name a writable folder for model weights.";
    }
}
