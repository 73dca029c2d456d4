using System.Buffers.Binary;
using System.Text;

namespace FedDashboard.Core.Learning.Parameters;

/// <summary>
/// Binary form of a <see cref="ParameterSet"/>, little-endian:
/// "FDPS", u16 version, i32 array count, then per array: u16 name length, UTF-8 name,
/// u8 rank, i32 dimensions, float32 values.
/// </summary>
public static class ParameterSetCodec
{
    private const ushort _version = 1;
    private const int _maxArrays = 1 << 16;
    private const int _maxRank = 8;
    private static ReadOnlySpan<byte> Magic => "FDPS"u8;

    /// <summary>The exact size in bytes of a parameter set with these names and shapes, known before any of it is read.</summary>
    public static long EncodedLength(IEnumerable<(string Name, int[] Shape)> layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        long length = Magic.Length + sizeof(ushort) + sizeof(int);
        foreach (var (name, shape) in layout)
        {
            length += sizeof(ushort) + Encoding.UTF8.GetByteCount(name) + 1 + sizeof(int) * shape.Length
                + sizeof(float) * shape.Aggregate(1L, (count, dimension) => count * dimension);
        }
        return length;
    }

    /// <summary>The encoded bytes in an array of exactly their size: a growing stream would allocate about twice as much.</summary>
    public static byte[] Encode(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var bytes = new byte[EncodedLength(parameters.Arrays.Select(a => (a.Name, a.Shape)))];
        using var stream = new MemoryStream(bytes);
        Write(stream, parameters);
        return bytes;
    }

    public static void Write(Stream stream, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(parameters);

        Span<byte> header = stackalloc byte[10];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], _version);
        BinaryPrimitives.WriteInt32LittleEndian(header[6..], parameters.Arrays.Count);
        stream.Write(header);

        foreach (var array in parameters.Arrays)
        {
            WriteArrayHeader(stream, array);
            Float32LittleEndian.Write(stream, array.Values);
        }
    }

    public static ParameterSet Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);

        Span<byte> header = stackalloc byte[10];
        ReadExactly(stream, header, "the header");
        if (!header[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException(
                $"Not a parameter set: the stream starts with 0x{Convert.ToHexString(header[..4])}, expected the magic \"FDPS\".");
        }
        var version = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
        if (version != _version)
        {
            throw new InvalidDataException($"Unsupported parameter set format version {version}; this build reads version {_version}.");
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(header[6..]);
        if (count is < 0 or > _maxArrays)
        {
            throw new InvalidDataException($"Corrupt parameter set: array count {count} is outside 0..{_maxArrays}.");
        }

        var arrays = new NamedArray[count];
        for (var i = 0; i < count; i++)
        {
            var (name, shape, elements) = ReadArrayHeader(stream, i);
            arrays[i] = new NamedArray(name, shape, ReadValues(stream, name, elements));
        }
        return new ParameterSet(arrays);
    }

    private static void WriteArrayHeader(Stream stream, NamedArray array)
    {
        var name = Encoding.UTF8.GetBytes(array.Name);
        if (name.Length > ushort.MaxValue || array.Shape.Length > _maxRank)
        {
            throw new ArgumentException($"Parameter '{array.Name}' has a name longer than {ushort.MaxValue} bytes or more than {_maxRank} dimensions.");
        }
        var header = new byte[2 + name.Length + 1 + 4 * array.Shape.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)name.Length);
        name.CopyTo(header, 2);
        header[2 + name.Length] = (byte)array.Shape.Length;
        for (var d = 0; d < array.Shape.Length; d++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(3 + name.Length + 4 * d), array.Shape[d]);
        }
        stream.Write(header);
    }

    private static (string Name, int[] Shape, long Elements) ReadArrayHeader(Stream stream, int index)
    {
        Span<byte> small = stackalloc byte[4];
        ReadExactly(stream, small[..2], $"the name length of array {index}");
        var name = new byte[BinaryPrimitives.ReadUInt16LittleEndian(small)];
        ReadExactly(stream, name, $"the name of array {index}");
        var text = Encoding.UTF8.GetString(name);

        ReadExactly(stream, small[..1], $"the rank of '{text}'");
        int rank = small[0];
        if (rank > _maxRank)
        {
            throw new InvalidDataException($"Corrupt parameter set: '{text}' claims rank {rank}; at most {_maxRank} is allowed.");
        }
        var shape = new int[rank];
        long elements = 1;
        for (var d = 0; d < rank; d++)
        {
            ReadExactly(stream, small, $"dimension {d} of '{text}'");
            shape[d] = BinaryPrimitives.ReadInt32LittleEndian(small);
            elements *= shape[d];
            if (shape[d] < 0 || elements > Array.MaxLength)
            {
                throw new InvalidDataException($"Corrupt parameter set: '{text}' has an impossible dimension {shape[d]}.");
            }
        }
        return (text, shape, elements);
    }

    private static float[] ReadValues(Stream stream, string name, long elements)
    {
        var bytes = elements * sizeof(float);
        if (stream.CanSeek && stream.Length - stream.Position < bytes)
        {
            throw Truncated($"the values of '{name}'", bytes, stream.Length - stream.Position);
        }
        var values = new float[elements];
        var read = Float32LittleEndian.Read(stream, values);
        return read == bytes ? values : throw Truncated($"the values of '{name}'", bytes, read);
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
        {
            throw Truncated(what, buffer.Length, read);
        }
    }

    private static InvalidDataException Truncated(string what, long expected, long actual) =>
        new($"Truncated parameter set: expected {expected} bytes for {what}, got {actual}.");
}
