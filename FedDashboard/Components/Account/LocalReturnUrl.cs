namespace FedDashboard.Components.Account;

/// <summary>Where to go after signing in: only a path on this site, so a crafted link cannot send the user elsewhere.</summary>
public static class LocalReturnUrl
{
    public static string Of(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
