namespace FedDashboard.Core.Orchestration.Options;

/// <summary>
/// How fast revoked access takes effect and how hard sign-in and exports may be tried: open pages and sign-in
/// cookies are checked against the account every <see cref="RevalidationSeconds"/>; each client address gets
/// <see cref="SignInAttemptsPerClient"/> sign-in attempts per window; an account locks for a bounded time only.
/// </summary>
public sealed class AccessOptions : IValidatedOptions
{
    public static string Section => "Fed:Access";

    /// <summary>Role changes and disabled accounts reach open pages and API calls within this time (at most a minute).</summary>
    public int RevalidationSeconds { get; set; } = 60;

    public int SignInAttemptsPerClient { get; set; } = 5;

    public int SignInWindowSeconds { get; set; } = 60;

    /// <summary>Failed sign-ins (from any address) before the account locks for <see cref="LockoutSeconds"/>.</summary>
    public int LockoutThreshold { get; set; } = 20;

    public int LockoutSeconds { get; set; } = 60;

    /// <summary>Ledger and audit downloads per signed-in user and window: each one reads and formats a whole table.</summary>
    public int ExportsPerUser { get; set; } = 10;

    public int ExportWindowSeconds { get; set; } = 60;

    public TimeSpan RevalidationInterval => TimeSpan.FromSeconds(RevalidationSeconds);

    public TimeSpan SignInWindow => TimeSpan.FromSeconds(SignInWindowSeconds);

    public TimeSpan LockoutDuration => TimeSpan.FromSeconds(LockoutSeconds);

    public TimeSpan ExportWindow => TimeSpan.FromSeconds(ExportWindowSeconds);

    public IEnumerable<string> Validate()
    {
        if (RevalidationSeconds is < 1 or > 60) yield return $"RevalidationSeconds must be 1 to 60 (was {RevalidationSeconds}).";
        if (SignInAttemptsPerClient is < 1 or > 100_000) yield return $"SignInAttemptsPerClient must be 1 to 100000 (was {SignInAttemptsPerClient}).";
        if (SignInWindowSeconds is < 1 or > 3600) yield return $"SignInWindowSeconds must be 1 to 3600 (was {SignInWindowSeconds}).";
        if (LockoutThreshold is < 1 or > 1000) yield return $"LockoutThreshold must be 1 to 1000 (was {LockoutThreshold}).";
        if (LockoutSeconds is < 1 or > 3600) yield return $"LockoutSeconds must be 1 to 3600, so a stranger cannot lock an account for long (was {LockoutSeconds}).";
        if (ExportsPerUser is < 1 or > 100_000) yield return $"ExportsPerUser must be 1 to 100000 (was {ExportsPerUser}).";
        if (ExportWindowSeconds is < 1 or > 3600) yield return $"ExportWindowSeconds must be 1 to 3600 (was {ExportWindowSeconds}).";
    }
}
