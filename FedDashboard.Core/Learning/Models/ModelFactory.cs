using FedDashboard.Core.Learning.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FedDashboard.Core.Learning.Models;

/// <summary>Builds the TorchSharp module for a spec; the layer names become the parameter names.</summary>
internal static class ModelFactory
{
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        TorchRuntime.EnsureLoaded();
        return spec.Architecture switch
        {
            ModelArchitecture.Mlp2NN => Mlp2NN(spec.Scaled(200)),
            ModelArchitecture.Cnn => Cnn(spec.Scaled(32), spec.Scaled(64), spec.Scaled(512)),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Architecture, "Unknown model architecture."),
        };
    }

    private static nn.Module<Tensor, Tensor> Mlp2NN(int hidden) => nn.Sequential(
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(MnistSplit.PixelsPerImage, hidden)),
        ("relu1", nn.ReLU()),
        ("fc2", nn.Linear(hidden, hidden)),
        ("relu2", nn.ReLU()),
        ("fc3", nn.Linear(hidden, MnistSplit.ClassCount)));

    // Padding 2 keeps 28x28 through each 5x5 conv ("same"), so two poolings leave 7x7: the paper's 1,663,370 parameters.
    private static nn.Module<Tensor, Tensor> Cnn(int channels1, int channels2, int hidden) => nn.Sequential(
        ("conv1", nn.Conv2d(1, channels1, kernel_size: 5, padding: 2)),
        ("relu1", nn.ReLU()),
        ("pool1", nn.MaxPool2d(kernel_size: 2)),
        ("conv2", nn.Conv2d(channels1, channels2, kernel_size: 5, padding: 2)),
        ("relu2", nn.ReLU()),
        ("pool2", nn.MaxPool2d(kernel_size: 2)),
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(7 * 7 * channels2, hidden)),
        ("relu3", nn.ReLU()),
        ("fc2", nn.Linear(hidden, MnistSplit.ClassCount)));
}
