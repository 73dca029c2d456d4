using System.Buffers.Binary;

namespace FedDashboard.Tests.Shared;

/// <summary>A terminal's own data for the agent: the first images of MNIST's training set as an IDX folder of their own.</summary>
public static class IdxSubset
{
    private const int ImageBytes = 28 * 28;

    public static void Write(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        using (var images = File.OpenRead(Path.Combine(TestEnvironment.MnistPath, "train-images-idx3-ubyte")))
            Copy(images, Path.Combine(folder, "train-images-idx3-ubyte"), headerBytes: 16, count, ImageBytes);
        using var labels = File.OpenRead(Path.Combine(TestEnvironment.MnistPath, "train-labels-idx1-ubyte"));
        Copy(labels, Path.Combine(folder, "train-labels-idx1-ubyte"), headerBytes: 8, count, 1);
    }

    private static void Copy(Stream source, string destination, int headerBytes, int count, int itemBytes)
    {
        var header = new byte[headerBytes];
        source.ReadExactly(header);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), count);
        var items = new byte[count * itemBytes];
        source.ReadExactly(items);
        using var output = File.Create(destination);
        output.Write(header);
        output.Write(items);
    }
}
