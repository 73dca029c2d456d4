using FedDashboard.Core.Learning.Data;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

[Collection(MnistCollection.Name)]
public sealed class MnistLoaderTests(MnistFixture mnist)
{
    [Fact]
    public void Load_RealFolder_Has60000TrainAnd10000TestSamples()
    {
        Assert.Equal((60000, 10000), (mnist.Data.Train.Count, mnist.Data.Test.Count));
    }

    [Fact]
    public void Load_RealFolder_NormalisesPixelsToMeanZeroAndUnitDeviation()
    {
        var pixels = mnist.Data.Train.Pixels;
        var mean = pixels.Average(p => (double)p);
        var deviation = Math.Sqrt(pixels.Average(p => (p - mean) * (p - mean)));

        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(deviation, 0.99, 1.01);
    }

    [Fact]
    public void Load_LabelCountDiffersFromImageCount_ThrowsInvalidDataExceptionNamingBothCounts()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte" })
        {
            File.CreateSymbolicLink(folder.File(name), Path.Combine(MnistLocation.Folder, name));
        }
        File.Copy(Path.Combine(MnistLocation.Folder, "train-labels-idx1-ubyte"), folder.File("t10k-labels-idx1-ubyte"));

        var error = Assert.Throws<InvalidDataException>(() => MnistLoader.Load(folder.Path));

        Assert.Contains("has 10000 images but", error.Message);
        Assert.Contains("has 60000 labels", error.Message);
    }

    [Fact]
    public void Load_EmptyFolder_ThrowsFileNotFoundExceptionNamingTrainImages()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<FileNotFoundException>(() => MnistLoader.Load(folder.Path));

        Assert.Contains("train-images-idx3-ubyte", error.Message);
    }
}
