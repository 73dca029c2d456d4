using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using FedDashboard.Core.Learning.Parameters;

namespace FedDashboard.Core.Learning.Formats;

/// <summary>
/// A <see cref="ParameterSet"/> as a safetensors file, the weights format every common library reads
/// (Python's safetensors, PyTorch via safetensors.torch, Rust, JavaScript): an unsigned 64-bit little-endian header
/// length N; N bytes of UTF-8 JSON, padded with spaces to a multiple of 8, mapping each tensor's name to
/// {"dtype":"F32","shape":[...],"data_offsets":[begin,end]} plus an optional "__metadata__" object of strings;
/// then the tensors' little-endian float32 values back to back, offsets counted from the end of the header.
/// Tensors are written in state_dict order and read back in file order.
/// </summary>
public static class Safetensors
{
    private const string _metadataKey = "__metadata__";
    private const string _float32 = "F32";
    // The reference implementation's own limit: a larger header is refused before it is read.
    private const long _maxHeaderBytes = 100_000_000;

    public static void Write(Stream stream, ParameterSet parameters, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(parameters);
        var header = Header(parameters, metadata ?? new Dictionary<string, string>());
        var padded = (header.Length + 7) / 8 * 8;
        Span<byte> length = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
        stream.Write(length);
        stream.Write(header);
        stream.Write(Enumerable.Repeat((byte)' ', padded - header.Length).ToArray());
        foreach (var array in parameters.Arrays)
        {
            Float32LittleEndian.Write(stream, array.Values);
        }
    }

    /// <exception cref="InvalidDataException">The stream is not a safetensors file of float32 tensors, or is cut short.</exception>
    public static SafetensorsContent Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> length = stackalloc byte[sizeof(ulong)];
        if (stream.ReadAtLeast(length, length.Length, throwOnEndOfStream: false) < length.Length)
        {
            throw Invalid("it is shorter than the 8-byte header length");
        }
        var headerBytes = BinaryPrimitives.ReadUInt64LittleEndian(length);
        if (headerBytes > _maxHeaderBytes || (stream.CanSeek && (long)headerBytes > stream.Length - stream.Position))
        {
            throw Invalid($"its header claims {headerBytes} bytes, more than the file has or than {_maxHeaderBytes} allowed");
        }
        var header = new byte[headerBytes];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            throw Invalid($"it ends inside its {headerBytes}-byte header");
        }
        var (entries, metadata) = SafetensorsHeader.Parse(header);
        var arrays = new List<NamedArray>(entries.Count);
        foreach (var entry in entries)
        {
            var values = new float[entry.Elements];
            var expected = entry.Elements * sizeof(float);
            var read = Float32LittleEndian.Read(stream, values);
            if (read < expected)
            {
                throw Invalid($"it ends inside tensor '{entry.Name}' ({read} of its {expected} bytes)");
            }
            arrays.Add(new NamedArray(entry.Name, entry.Shape, values));
        }
        if (stream.ReadByte() != -1)
        {
            throw Invalid("it has bytes after the last tensor's data_offsets end");
        }
        return new SafetensorsContent(new ParameterSet(arrays), metadata);
    }

    private static byte[] Header(ParameterSet parameters, IReadOnlyDictionary<string, string> metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata.Count > 0)
            {
                json.WriteStartObject(_metadataKey);
                foreach (var (key, value) in metadata)
                {
                    json.WriteString(key, value);
                }
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var array in parameters.Arrays)
            {
                if (array.Name == _metadataKey)
                {
                    throw new ArgumentException($"A tensor may not be called '{_metadataKey}' in safetensors.", nameof(parameters));
                }
                var end = offset + (long)array.Values.Length * sizeof(float);
                json.WriteStartObject(array.Name);
                json.WriteString("dtype", _float32);
                json.WriteStartArray("shape");
                foreach (var dimension in array.Shape)
                {
                    json.WriteNumberValue(dimension);
                }
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(end);
                json.WriteEndArray();
                json.WriteEndObject();
                offset = end;
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    internal static InvalidDataException Invalid(string problem) => new($"Not a usable safetensors file: {problem}.");
}
