using System.Globalization;

namespace FedDashboard.Bench;

/// <summary>`--name value` pairs and bare `--flag`s; every value is checked by whoever reads it.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values;

    private BenchArguments(Dictionary<string, string> values) => _values = values;

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
                throw new ArgumentException($"Expected '--name value' pairs or '--flag', got '{string.Join(' ', args.Skip(i))}'.");
            var isFlag = i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[args[i][2..]] = isFlag ? FlagSet : args[++i];
        }
        return new BenchArguments(values);
    }

    private const string FlagSet = "\0flag";

    public bool Flag(string name) => _values.TryGetValue(name, out var value)
        ? value == FlagSet ? true : throw new ArgumentException($"--{name} is a flag and takes no value (was '{value}').")
        : false;

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public double Number(string name, double fallback) =>
        _values.TryGetValue(name, out var text)
            ? double.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"--{name} must be a number (was '{text}').")
            : fallback;

    public int Integer(string name, int fallback) =>
        _values.TryGetValue(name, out var text)
            ? int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"--{name} must be a whole number (was '{text}').")
            : fallback;

    public int PositiveInteger(string name, int fallback)
    {
        var value = Integer(name, fallback);
        return value > 0 ? value : throw new ArgumentException($"--{name} must be at least 1 (was {value}).");
    }

    /// <summary>Whole numbers above 0, separated by commas: "1000,10000".</summary>
    public IReadOnlyList<int> PositiveIntegers(string name, string fallback)
    {
        var text = Text(name, fallback);
        return [.. text.Split(',', StringSplitOptions.TrimEntries).Select(part => int.TryParse(part, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : throw new ArgumentException($"--{name} must be whole numbers above 0, separated by commas (was '{text}')."))];
    }
}
