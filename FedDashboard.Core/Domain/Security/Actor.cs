using FedDashboard.Core.Orchestration.Governance;


namespace FedDashboard.Core.Domain.Security;

/// <summary>
/// Who performs an operator action: a signed-in user with their roles, or the system acting on a setting such as
/// auto-approve. Core checks permissions on the actor itself, so no page or endpoint can skip them.
/// </summary>
public sealed record Actor(string Name, IReadOnlySet<string> Roles)
{
    /// <summary>The orchestrator acting on an operator's setting; the audit log names the setting's owner elsewhere.</summary>
    public static Actor System { get; } = new("system", new HashSet<string>(Domain.Security.Roles.All));

    /// <summary>Nobody signed in: may do nothing.</summary>
    public static Actor Anonymous { get; } = new("anonymous", new HashSet<string>());

    public static Actor User(string name, params string[] roles) => new(name, new HashSet<string>(roles, StringComparer.Ordinal));

    public bool IsSystem => ReferenceEquals(this, System);

    public bool CanView => Roles.Count > 0;

    /// <summary>Change jobs and policies.</summary>
    public bool CanOperate => Roles.Contains(Domain.Security.Roles.Operator) || Roles.Contains(Domain.Security.Roles.Administrator);

    /// <summary>Approve or reject what others asked for; separation of duties means administrators need the role too.</summary>
    public bool CanApprove => Roles.Contains(Domain.Security.Roles.Approver);

    /// <summary>Approve or reject what <paramref name="requester"/> asked for: nobody decides on their own request.</summary>
    public bool CanApproveFor(string requester) => CanApprove && !string.Equals(Name, requester, StringComparison.OrdinalIgnoreCase);

    public bool CanAdminister => Roles.Contains(Domain.Security.Roles.Administrator);
}
