namespace FedDashboard.Core.Orchestration.Options;

/// <summary>Sign-in: the first administrator, created at first start when no administrator exists.</summary>
public sealed class SecurityOptions : IValidatedOptions
{
    public static string Section => "Fed:Security";

    public const int MinPasswordLength = 12;

    public string AdminUserName { get; set; } = "admin";

    /// <summary>Empty: a one-time password is generated, printed once, and must be changed at first sign-in.</summary>
    public string? AdminPassword { get; set; }

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(AdminUserName) || AdminUserName.Length > 256 || AdminUserName.Any(char.IsWhiteSpace))
            yield return $"AdminUserName must be 1 to 256 characters without spaces (was '{AdminUserName}').";
        if (!string.IsNullOrEmpty(AdminPassword) && AdminPassword.Length < MinPasswordLength)
            yield return $"AdminPassword must be at least {MinPasswordLength} characters, or empty to have a one-time password printed at first start (was {AdminPassword.Length}).";
    }
}
