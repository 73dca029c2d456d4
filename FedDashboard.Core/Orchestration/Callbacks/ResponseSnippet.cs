using System.Text;

namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>The start of a receiver's answer, kept with the attempt; the rest is never read, however long.</summary>
internal static class ResponseSnippet
{
    public const int MaxChars = 500;

    /// <summary>Reading a short body to its end lets the connection be pooled; beyond this it is dropped instead.</summary>
    private const int MaxBytes = 64 * 1024;

    public static async Task<string?> ReadAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new byte[MaxBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), ct)) > 0) length += read;
        if (length == 0) return null;
        var text = Encoding.UTF8.GetString(buffer, 0, length);
        return text.Length <= MaxChars ? text : text[..MaxChars];
    }
}
