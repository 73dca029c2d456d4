namespace FedDashboard.Security;

/// <summary>Names of the authorization policies beyond plain roles.</summary>
public static class Policies
{
    /// <summary>A signed-in user whose sign-in still holds.</summary>
    public const string LiveHub = "live-hub";

    public const string Administrators = "administrators";
}
