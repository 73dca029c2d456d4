using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedDashboard.Bench;

internal static class BenchResults
{
    /// <summary>Writes the run to FED_RESULTS_DIR (./fed sets it to results/) as name-timestamp.json and returns the path.</summary>
    public static Task<string> WriteAsync(string name, object result) =>
        WriteTextAsync(name, "json", JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, Converters = { new JsonStringEnumConverter() } }));

    /// <summary>A text file beside the results, such as the log of a server the benchmark ran.</summary>
    public static async Task<string> WriteTextAsync(string name, string extension, string text)
    {
        var folder = Environment.GetEnvironmentVariable("FED_RESULTS_DIR") is { Length: > 0 } configured ? configured : "results";
        Directory.CreateDirectory(folder);
        var path = Path.GetFullPath(Path.Combine(folder, $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.{extension}"));
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
