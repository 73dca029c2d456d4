using Microsoft.AspNetCore.Identity;

namespace FedDashboard.Core.Security;

/// <summary>An operator account (ASP.NET Core Identity) stored with the rest of the data.</summary>
public sealed class FedUser : IdentityUser
{
    public FedUser() { }

    public FedUser(string userName) : base(userName) { }

    /// <summary>Set for a one-time password: the user chooses their own before anything else.</summary>
    public bool MustChangePassword { get; set; }
}
