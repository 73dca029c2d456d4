using FedDashboard.Core.Learning;
using FedDashboard.Core.Learning.Data;


namespace FedDashboard.Tests.Shared;

/// <summary>Loads MNIST and its tensors once for every test class in the <see cref="MnistCollection"/>.</summary>
public sealed class MnistFixture : IDisposable
{
    public MnistFixture()
    {
        // Measured on 2 cores: small-batch training runs about 3x faster on one libtorch thread than on two.
        TorchRuntime.Configure(1);
        Data = MnistLoader.Load(MnistLocation.Folder);
        TrainTensors = new MnistTensors(Data.Train);
        TestTensors = new MnistTensors(Data.Test);
        RawTest = MnistLoader.LoadRawTest(MnistLocation.Folder);
    }

    public MnistData Data { get; }

    public MnistTensors TrainTensors { get; }

    public MnistTensors TestTensors { get; }

    /// <summary>The same test images with their raw 0-255 pixels, as a client of an exported model has them.</summary>
    public MnistRawSplit RawTest { get; }

    public void Dispose()
    {
        TrainTensors.Dispose();
        TestTensors.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MnistCollection : ICollectionFixture<MnistFixture>
{
    public const string Name = "MNIST";
}
