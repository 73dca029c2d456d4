namespace FedDashboard.Core.Orchestration.Options;

/// <summary>Where callbacks to clients may go, how long one attempt may take, and when a failed one is tried again.</summary>
public sealed class CallbackOptions : IValidatedOptions
{
    public static string Section => "Fed:Callbacks";

    /// <summary>About 27 hours in all, ever further apart: a receiver down for a day still gets its callback.</summary>
    public static readonly int[] DefaultRetryDelaysSeconds = [10, 30, 60, 300, 900, 3600, 7200, 14400, 28800, 43200];

    /// <summary>Accept http:// callback URLs as well as https://. For development and tests; false in production.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Let callbacks reach private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), e.g. clients inside one company network.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Let callbacks reach loopback addresses (127/8, ::1). For tests only, whose receivers listen on 127.0.0.1; never in production.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>The app's public URLs that its listening addresses do not show (a name behind a reverse proxy); callbacks may not go there.</summary>
    public string[] OwnUrls { get; set; } = [];

    /// <summary>One attempt's limit, from connecting to the end of the answer.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The waits before each retry of a failed attempt; null for <see cref="DefaultRetryDelaysSeconds"/>.</summary>
    /// <remarks>Nullable because configuration binding appends to an array that has elements already.</remarks>
    public int[]? RetryDelaysSeconds { get; set; }

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public IReadOnlyList<TimeSpan> RetryDelays => [.. (RetryDelaysSeconds ?? DefaultRetryDelaysSeconds).Select(s => TimeSpan.FromSeconds(s))];

    public IEnumerable<string> Validate()
    {
        if (TimeoutSeconds is < 1 or > 60) yield return $"TimeoutSeconds must be 1 to 60 (was {TimeoutSeconds}).";
        if (RetryDelaysSeconds is { Length: > 30 } delays) yield return $"RetryDelaysSeconds has at most 30 entries (had {delays.Length}).";
        foreach (var wrong in (RetryDelaysSeconds ?? []).Where(s => s is < 1 or > 86_400).Take(1))
            yield return $"RetryDelaysSeconds entries must be 1 to 86400 (one was {wrong}).";
        foreach (var url in OwnUrls.Where(u => !Uri.TryCreate(u, UriKind.Absolute, out _)))
            yield return $"OwnUrls entries must be absolute URLs such as https://fed.example.org (one was \"{url}\").";
    }
}
