using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using FedDashboard.Core.Learning.Formats;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

public sealed class SafetensorsTests
{
    private static readonly ParameterSet _cnn = TestModels.Cnn(2, 3, 4, (name, index) => name.Length - index * 0.25f);
    private static readonly Dictionary<string, string> _metadata = new() { ["architecture"] = "Cnn", ["version"] = "3" };

    [Fact]
    public void Read_WhatWriteProduced_ReturnsTheSameTensorsInOrderAndTheMetadata()
    {
        var copy = Safetensors.Read(new MemoryStream(Written(_cnn, _metadata)));

        Assert.Equal(_cnn.Arrays.Select(array => array.Name), copy.Parameters.Arrays.Select(array => array.Name));
        Assert.True(copy.Parameters.ShapeMatches(_cnn));
        Assert.All(_cnn.Arrays, array => Assert.Equal(array.Values, copy.Parameters[array.Name].Values));
        Assert.Equal(_metadata, copy.Metadata);
    }

    [Fact]
    public void Write_Always_LaysOutAPaddedJsonHeaderThenLittleEndianFloat32Data()
    {
        var bytes = Written(_cnn, _metadata);

        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, headerLength).TrimEnd(' '));
        var fc1 = header.RootElement.GetProperty("fc1.weight");
        Assert.Equal("F32", fc1.GetProperty("dtype").GetString());
        Assert.Equal([4, 147], fc1.GetProperty("shape").EnumerateArray().Select(dimension => dimension.GetInt32()));
        var begin = fc1.GetProperty("data_offsets")[0].GetInt32();
        Assert.Equal(_cnn["fc1.weight"].Values[1], BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(8 + headerLength + begin + 4)));
        Assert.Equal("3", header.RootElement.GetProperty("__metadata__").GetProperty("version").GetString());
        Assert.Equal(8 + headerLength + _cnn.ElementCount * 4, bytes.Length);
    }

    [Fact]
    public void Read_CutShort_ThrowsInvalidDataExceptionNamingTheTensor()
    {
        var bytes = Written(_cnn, _metadata);

        var error = Assert.Throws<InvalidDataException>(() => Safetensors.Read(new MemoryStream(bytes[..^10])));

        Assert.Contains("ends inside tensor 'fc2.bias'", error.Message);
    }

    [Fact]
    public void Read_OtherDtype_ThrowsInvalidDataExceptionNamingIt()
    {
        var header = """{"w":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}"""u8.ToArray();
        var bytes = new byte[8 + header.Length + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);

        var error = Assert.Throws<InvalidDataException>(() => Safetensors.Read(new MemoryStream(bytes)));

        Assert.Contains("tensor 'w' has dtype F16", error.Message);
    }

    private static byte[] Written(ParameterSet parameters, Dictionary<string, string> metadata)
    {
        using var stream = new MemoryStream();
        Safetensors.Write(stream, parameters, metadata);
        return stream.ToArray();
    }
}
