using System.Globalization;

namespace FedDashboard.Agent;

/// <summary>The agent's command line, checked: every problem is an <see cref="ArgumentException"/> saying what is wrong.</summary>
/// <param name="Code">The enrolment code; needed only until the agent holds a credential.</param>
/// <param name="Data">An IDX folder of the terminal's own data; or null with <paramref name="DemoMnist"/>.</param>
/// <param name="DemoMnist">The MNIST folder whose shard of each assignment the agent trains on.</param>
/// <param name="Position">Where the terminal says it is on the map; null: the centre of the edge it enrolled with.</param>
/// <param name="LighterAbove">Above this CPU load by other processes the agent asks for a lighter model while training.</param>
/// <param name="DeclineBelowBattery">Below this battery charge it declines work.</param>
internal sealed record AgentArguments(
    Uri Edge, string? Code, string? Data, string? DemoMnist, string State, string Name, (double X, double Y)? Position, bool Rotate,
    double LighterAbove, double DeclineBelowBattery)
{
    public const string Usage = """
        usage: fed-agent --edge URL (--data DIR | --demo-mnist DIR) [--code CODE] [--state DIR] [--name NAME]
                         [--position X,Y] [--rotate] [--lighter-above LOAD] [--decline-below-battery CHARGE]
          --edge URL         the dashboard's address, e.g. http://10.0.0.5:5080
          --code CODE        the enrolment code from the Terminals page (needed for the first start only)
          --data DIR         an IDX folder with train-images-idx3-ubyte and train-labels-idx1-ubyte: the data to train on
          --demo-mnist DIR   an MNIST folder instead: the agent trains on the shard its assignment names
          --state DIR        where the credential, models and pending results are kept (default ~/.fed-agent)
          --name NAME        the terminal's name (default: this machine's name)
          --position X,Y     where it is on the map (default: the centre of the edge it enrolled with)
          --rotate           replace the credential with a new one at start
          --lighter-above    ask for a lighter model while other processes keep the CPU busier than this (0..1, default 0.8)
          --decline-below-battery  decline work below this charge (0..1, default 0.2)
        """;

    private static readonly HashSet<string> Flags = ["rotate"];

    public static AgentArguments Parse(IReadOnlyList<string> args)
    {
        var values = Pairs(args);
        var edge = Required(values, "edge", "a URL such as http://10.0.0.5:5080");
        var data = values.GetValueOrDefault("data");
        var demo = values.GetValueOrDefault("demo-mnist");
        if ((data is null) == (demo is null)) throw new ArgumentException("Give exactly one of --data DIR (your own IDX folder) and --demo-mnist DIR.");
        var folder = data ?? demo!;
        if (!Directory.Exists(folder)) throw new ArgumentException($"--{(data is null ? "demo-mnist" : "data")} names '{folder}', which is not a folder.");
        var code = values.GetValueOrDefault("code");
        if (code is not null && string.IsNullOrWhiteSpace(code)) throw new ArgumentException("--code is empty; copy the enrolment code from the Terminals page.");
        var name = values.GetValueOrDefault("name") ?? Environment.MachineName;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 80) throw new ArgumentException($"--name must be 1 to 80 characters (was '{name}').");
        return new AgentArguments(
            EdgeUrl(edge), code?.Trim(), data, demo,
            Path.GetFullPath(values.GetValueOrDefault("state") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fed-agent")),
            name.Trim(),
            values.TryGetValue("position", out var position) ? PositionOf(position) : null,
            values.ContainsKey("rotate"),
            Fraction(values, "lighter-above", 0.8),
            Fraction(values, "decline-below-battery", 0.2));
    }

    private static Dictionary<string, string> Pairs(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2) throw new ArgumentException($"Expected an option such as --edge, got '{arg}'.");
            var name = arg[2..];
            if (!IsKnown(name)) throw new ArgumentException($"Unknown option '{arg}'.");
            if (values.ContainsKey(name)) throw new ArgumentException($"{arg} is given twice.");
            if (Flags.Contains(name))
            {
                values[name] = "";
                continue;
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"{arg} needs a value.");
            values[name] = args[++i];
        }
        return values;
    }

    private static bool IsKnown(string name) =>
        name is "edge" or "code" or "data" or "demo-mnist" or "state" or "name" or "position" or "rotate" or "lighter-above" or "decline-below-battery";

    private static string Required(Dictionary<string, string> values, string name, string what) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is missing: give {what}.");

    private static Uri EdgeUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
            throw new ArgumentException($"--edge must be an http or https URL such as http://10.0.0.5:5080 (was '{text}').");
        // Routes are appended to the address, so it must end with a slash to keep a path such as /fed/.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static (double X, double Y) PositionOf(string text)
    {
        var parts = text.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && double.IsFinite(y))
            return (x, y);
        throw new ArgumentException($"--position must be two numbers X,Y such as 420.5,310 (was '{text}').");
    }

    private static double Fraction(Dictionary<string, string> values, string name, double fallback)
    {
        if (!values.TryGetValue(name, out var text)) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new ArgumentException($"--{name} must be a fraction from 0 to 1 (was '{text}').");
    }
}
