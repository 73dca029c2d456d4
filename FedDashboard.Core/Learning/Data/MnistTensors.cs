using TorchSharp;
using static TorchSharp.torch;

namespace FedDashboard.Core.Learning.Data;

/// <summary>
/// A whole MNIST split as two libtorch tensors (images [N,1,28,28] float32, labels int64), built
/// once so that training slices them instead of creating tensors per batch. Concurrent trainings
/// may share one instance: they only read it. Dispose it only after every training using it ended.
/// </summary>
public sealed class MnistTensors : IDisposable
{
    public MnistTensors(MnistSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        TorchRuntime.EnsureLoaded();
        Count = split.Count;
        // Detached from any dispose scope of the creating thread: these live as long as this object.
        Images = torch.tensor(split.Pixels, [split.Count, 1, MnistSplit.ImageSide, MnistSplit.ImageSide]).DetachFromDisposeScope();
        Labels = torch.tensor(split.Labels.Select(label => (long)label).ToArray(), [split.Count]).DetachFromDisposeScope();
    }

    public int Count { get; }

    internal Tensor Images { get; }

    internal Tensor Labels { get; }

    /// <summary>The samples at the given indices; the tensors join the caller's dispose scope.</summary>
    internal (Tensor Images, Tensor Labels) Select(long[] indices)
    {
        using var index = torch.tensor(indices);
        return (Images.index_select(0, index), Labels.index_select(0, index));
    }

    /// <summary>A contiguous range of samples, as views; the tensors join the caller's dispose scope.</summary>
    internal (Tensor Images, Tensor Labels) Slice(int start, int length) =>
        (Images.narrow(0, start, length), Labels.narrow(0, start, length));

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
