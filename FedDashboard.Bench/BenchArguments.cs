using System.Globalization;

namespace FedDashboard.Bench;

/// <summary>`--name value` pairs; every value is checked by whoever reads it.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values;

    private BenchArguments(Dictionary<string, string> values) => _values = values;

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"Expected '--name value' pairs, got '{string.Join(' ', args.Skip(i))}'.");
            values[args[i][2..]] = args[i + 1];
        }
        return new BenchArguments(values);
    }

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public double Number(string name, double fallback) =>
        _values.TryGetValue(name, out var text)
            ? double.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"--{name} must be a number (was '{text}').")
            : fallback;

    public int Integer(string name, int fallback) =>
        _values.TryGetValue(name, out var text)
            ? int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"--{name} must be a whole number (was '{text}').")
            : fallback;
}
