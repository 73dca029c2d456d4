namespace FedDashboard.Core.Domain.Security;

/// <summary>An operator account as the users page lists it.</summary>
public sealed record UserAccount(string UserName, IReadOnlyList<string> Roles, bool MustChangePassword, bool Disabled);
