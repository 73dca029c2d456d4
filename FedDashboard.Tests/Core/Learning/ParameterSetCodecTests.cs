using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

public sealed class ParameterSetCodecTests
{
    [Fact]
    public void Read_WhatWriteProduced_ReturnsEqualNamesShapesAndValues()
    {
        var original = new ParameterSet(
        [
            new NamedArray("conv1.weight", [2, 1, 2, 2], [1f, -2.5f, 3e-8f, float.MaxValue, 0f, -0f, 7f, 8f]),
            new NamedArray("conv1.bias", [2], [0.1f, -0.2f]),
            new NamedArray("scalar", [], [42f]),
        ]);
        using var stream = new MemoryStream();
        ParameterSetCodec.Write(stream, original);
        stream.Position = 0;

        var copy = ParameterSetCodec.Read(stream);

        Assert.True(copy.ShapeMatches(original));
        Assert.All(original.Arrays, array => Assert.Equal(array.Values, copy[array.Name].Values));
    }

    [Theory]
    [InlineData(ModelArchitecture.Mlp2NN, 1.0)]
    [InlineData(ModelArchitecture.Mlp2NN, 0.25)]
    [InlineData(ModelArchitecture.Cnn, 0.5)]
    public void EncodedLength_OfAModelSpec_IsTheSizeWriteProduces(ModelArchitecture architecture, double width)
    {
        var spec = new ModelSpec(architecture, width);
        using var stream = new MemoryStream();

        ParameterSetCodec.Write(stream, ModelInitializer.Initial(spec, seed: 1));

        Assert.Equal(stream.Length, spec.EncodedLength);
    }

    [Fact]
    public void Read_StreamCutShort_ThrowsInvalidDataExceptionSayingTruncated()
    {
        var bytes = Encode(TestParameters.Set());
        using var truncated = new MemoryStream(bytes[..^3]);

        var error = Assert.Throws<InvalidDataException>(() => ParameterSetCodec.Read(truncated));

        Assert.Contains("Truncated parameter set: expected 8 bytes for the values of 'b'", error.Message);
    }

    [Fact]
    public void Read_NonSeekableStreamCutShort_ThrowsInvalidDataExceptionSayingTruncated()
    {
        var bytes = Encode(TestParameters.Set());
        using var truncated = new BufferedStream(new NonSeekable(bytes[..^3]));

        var error = Assert.Throws<InvalidDataException>(() => ParameterSetCodec.Read(truncated));

        Assert.Contains("Truncated", error.Message);
    }

    [Fact]
    public void Read_WrongMagic_ThrowsInvalidDataExceptionNamingMagic()
    {
        var bytes = Encode(TestParameters.Set());
        bytes[0] = (byte)'X';
        using var garbled = new MemoryStream(bytes);

        var error = Assert.Throws<InvalidDataException>(() => ParameterSetCodec.Read(garbled));

        Assert.Contains("expected the magic \"FDPS\"", error.Message);
    }

    [Fact]
    public void Read_UnknownVersion_ThrowsInvalidDataExceptionNamingVersion()
    {
        var bytes = Encode(TestParameters.Set());
        bytes[4] = 9;
        using var future = new MemoryStream(bytes);

        var error = Assert.Throws<InvalidDataException>(() => ParameterSetCodec.Read(future));

        Assert.Contains("version 9", error.Message);
    }

    [Fact]
    public void Read_EmptyStream_ThrowsInvalidDataException()
    {
        using var empty = new MemoryStream();

        Assert.Throws<InvalidDataException>(() => ParameterSetCodec.Read(empty));
    }

    private static byte[] Encode(ParameterSet parameters)
    {
        using var stream = new MemoryStream();
        ParameterSetCodec.Write(stream, parameters);
        return stream.ToArray();
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
