using System.Buffers.Binary;

namespace FedDashboard.Core.Learning.Data;

/// <summary>Reads uncompressed IDX files (the MNIST format): big-endian magic and dimensions, then bytes.</summary>
public static class IdxReader
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    public static IdxImages ReadImages(string path)
    {
        var bytes = ReadFile(path, ImagesMagic, "image", headerLength: 16);
        var count = Dimension(bytes, 4, path, "image count");
        var rows = Dimension(bytes, 8, path, "row count");
        var columns = Dimension(bytes, 12, path, "column count");
        CheckLength(path, bytes, 16 + (long)count * rows * columns, $"16-byte header + {count} images of {rows}x{columns}");
        return new IdxImages(count, rows, columns, bytes[16..]);
    }

    public static byte[] ReadLabels(string path)
    {
        var bytes = ReadFile(path, LabelsMagic, "label", headerLength: 8);
        var count = Dimension(bytes, 4, path, "label count");
        CheckLength(path, bytes, 8 + (long)count, $"8-byte header + {count} labels");
        return bytes[8..];
    }

    private static byte[] ReadFile(string path, int magic, string kind, int headerLength)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"MNIST file {path} is missing. {MnistFiles.FetchHint}", path);
        }
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < headerLength)
        {
            throw Invalid(path, $"truncated: expected at least {headerLength} bytes of IDX {kind} header, got {bytes.Length}");
        }
        var actual = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (actual != magic)
        {
            var gzip = bytes[0] == 0x1f && bytes[1] == 0x8b ? " (it looks gzip-compressed: decompress it first)" : "";
            throw Invalid(path, $"wrong magic number 0x{actual:X8}, expected 0x{magic:X8} for an IDX {kind} file{gzip}");
        }
        return bytes;
    }

    private static int Dimension(byte[] bytes, int offset, string path, string what)
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
        return value >= 0 ? value : throw Invalid(path, $"negative {what} {value} in the header");
    }

    private static void CheckLength(string path, byte[] bytes, long expected, string layout)
    {
        if (bytes.Length < expected)
        {
            throw Invalid(path, $"truncated: expected {expected} bytes ({layout}), got {bytes.Length}");
        }
        if (bytes.Length > expected)
        {
            throw Invalid(path, $"too long: expected {expected} bytes ({layout}), got {bytes.Length}");
        }
    }

    private static InvalidDataException Invalid(string path, string problem) =>
        new($"MNIST file {path} is not usable: {problem}. Delete it and fetch it again. {MnistFiles.FetchHint}");
}
