using Microsoft.AspNetCore.Identity;

namespace FedDashboard.Core.Persistence.Identity;

/// <summary>An operator account (ASP.NET Core Identity) stored with the rest of the data.</summary>
public sealed class FedUser : IdentityUser
{
    /// <summary>
    /// The longest user name: it is the audit log's subject id for user actions, the shortest column it is stored in.
    /// </summary>
    public const int MaxUserNameLength = 64;

    /// <summary>The name's input in requests and on pages, for a refusal shown at its field.</summary>
    public const string UserNameField = "userName";

    public FedUser() { }

    public FedUser(string userName) : base(userName) { }

    /// <summary>Set for a one-time password: the user chooses their own before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When an administrator disabled the account; a disabled user cannot sign in and their sessions end.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public bool IsDisabled => DisabledAt is not null;

    public void Disable(DateTimeOffset at) => DisabledAt ??= at;

    public void Enable() => DisabledAt = null;
}
