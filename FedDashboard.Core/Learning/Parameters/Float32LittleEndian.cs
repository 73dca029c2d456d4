using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace FedDashboard.Core.Learning.Parameters;

/// <summary>float32 arrays as little-endian bytes on a stream, a chunk at a time, on any host byte order.</summary>
internal static class Float32LittleEndian
{
    private const int _chunkBytes = 1 << 16;
    private const int _perChunk = _chunkBytes / sizeof(float);

    public static void Write(Stream stream, float[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            // The floats are the bytes already: write them as they are, with no copy and no per-value conversion.
            stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }
        var chunk = new byte[_chunkBytes];
        for (var start = 0; start < values.Length; start += _perChunk)
        {
            var count = Math.Min(_perChunk, values.Length - start);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(chunk.AsSpan(i * sizeof(float)), values[start + i]);
            }
            stream.Write(chunk, 0, count * sizeof(float));
        }
    }

    /// <summary>Fills <paramref name="values"/>; returns how many bytes it read, fewer than 4 per value only when the stream ended.</summary>
    public static long Read(Stream stream, float[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            // The bytes are the floats already: read them in place, with no copy and no per-value conversion.
            return stream.ReadAtLeast(MemoryMarshal.AsBytes(values.AsSpan()), values.Length * sizeof(float), throwOnEndOfStream: false);
        }
        var chunk = new byte[_chunkBytes];
        for (var start = 0; start < values.Length; start += _perChunk)
        {
            var count = Math.Min(_perChunk, values.Length - start);
            var span = chunk.AsSpan(0, count * sizeof(float));
            var read = stream.ReadAtLeast(span, span.Length, throwOnEndOfStream: false);
            if (read < span.Length)
            {
                return (long)start * sizeof(float) + read;
            }
            for (var i = 0; i < count; i++)
            {
                values[start + i] = BinaryPrimitives.ReadSingleLittleEndian(span[(i * sizeof(float))..]);
            }
        }
        return (long)values.Length * sizeof(float);
    }
}
