using System.Text.Json;

namespace FedDashboard.Core.Learning.Formats;

/// <summary>
/// Reads and checks a safetensors JSON header: float32 tensors only, each offset range exactly its shape's size,
/// and the ranges back to back from 0 with no gap or overlap, as the reference implementation requires.
/// </summary>
internal static class SafetensorsHeader
{
    public sealed record Entry(string Name, int[] Shape, long Begin, long End)
    {
        public long Elements => (End - Begin) / sizeof(float);
    }

    /// <returns>The tensors sorted by where their data starts, and the metadata.</returns>
    public static (IReadOnlyList<Entry> Entries, IReadOnlyDictionary<string, string> Metadata) Parse(byte[] header)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException error)
        {
            throw Safetensors.Invalid($"its header is not JSON ({error.Message})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Safetensors.Invalid("its header is not a JSON object");
            }
            var entries = new List<Entry>();
            var metadata = new Dictionary<string, string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    ReadMetadata(property.Value, metadata);
                }
                else
                {
                    entries.Add(ReadEntry(property.Name, property.Value));
                }
            }
            entries.Sort((a, b) => a.Begin.CompareTo(b.Begin));
            RequireBackToBack(entries);
            return (entries, metadata);
        }
    }

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> metadata)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Safetensors.Invalid("its __metadata__ is not an object");
        }
        foreach (var item in element.EnumerateObject())
        {
            metadata[item.Name] = item.Value.ValueKind == JsonValueKind.String
                ? item.Value.GetString()!
                : throw Safetensors.Invalid($"metadata '{item.Name}' is not a string");
        }
    }

    private static Entry ReadEntry(string name, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("dtype", out var dtype)
            || !element.TryGetProperty("shape", out var shape)
            || !element.TryGetProperty("data_offsets", out var offsets))
        {
            throw Safetensors.Invalid($"tensor '{name}' lacks dtype, shape or data_offsets");
        }
        if (dtype.ValueKind != JsonValueKind.String || dtype.GetString() != "F32")
        {
            throw Safetensors.Invalid($"tensor '{name}' has dtype {dtype}; only F32 (float32) tensors are read");
        }
        var dimensions = Integers(name, "shape", shape, int.MaxValue).Select(dimension => (int)dimension).ToArray();
        var range = Integers(name, "data_offsets", offsets, long.MaxValue);
        var elements = dimensions.Aggregate(1L, (count, dimension) => count * dimension);
        if (range.Length != 2 || range[1] - range[0] != elements * sizeof(float) || elements > Array.MaxLength)
        {
            throw Safetensors.Invalid(
                $"tensor '{name}' has data_offsets [{string.Join(", ", range)}] but shape [{string.Join(", ", dimensions)}] needs {elements * sizeof(float)} bytes");
        }
        return new Entry(name, dimensions, range[0], range[1]);
    }

    private static long[] Integers(string name, string field, JsonElement element, long max)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Safetensors.Invalid($"tensor '{name}' has a {field} that is not an array");
        }
        return [.. element.EnumerateArray().Select(item =>
            item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var value) && value >= 0 && value <= max
                ? value
                : throw Safetensors.Invalid($"tensor '{name}' has {field} entry {item} that is not a non-negative integer up to {max}"))];
    }

    private static void RequireBackToBack(List<Entry> entries)
    {
        long expected = 0;
        foreach (var entry in entries)
        {
            if (entry.Begin != expected)
            {
                throw Safetensors.Invalid($"tensor '{entry.Name}' starts at byte {entry.Begin} of the data, where {expected} was expected (a gap or an overlap)");
            }
            expected = entry.End;
        }
    }
}
