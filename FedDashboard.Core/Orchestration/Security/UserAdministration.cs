using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Security;

/// <summary>
/// Operator accounts and their roles, changed by administrators only and audited. Identity writes
/// through the same scoped context as the audit row, inside one transaction, so both commit or neither.
/// </summary>
public sealed class UserAdministration(UserManager<FedUser> users, RoleManager<IdentityRole> roles, FedDbContext db, TimeProvider clock)
{
    /// <summary>The inputs' names on the Users page, for a refusal shown at its field.</summary>
    public const string PasswordField = "password", RolesField = "roles";

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct = default)
    {
        var accounts = await db.Users.OrderBy(u => u.UserName).ToListAsync(ct);
        var memberships = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        return [.. accounts.Select(u => new UserAccount(u.UserName!,
            [.. memberships.Where(m => m.UserId == u.Id).Select(m => m.Name!).OrderBy(Domain.Security.Roles.All.ToList().IndexOf)], u.MustChangePassword, u.IsDisabled))];
    }

    /// <exception cref="InvalidInputException">The name, password or roles are not acceptable; nothing was created.</exception>
    /// <param name="mustChangePassword">The password was handed over by the administrator, so the user replaces it at first sign-in.</param>
    public async Task CreateAsync(Actor actor, string userName, string password, IReadOnlyCollection<string> roleNames, bool mustChangePassword = true, CancellationToken ct = default)
    {
        var name = TextInput.Required(userName, FedUser.MaxUserNameLength, FedUser.UserNameField, "A user name", "A user needs a name.");
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, "create users", AuditAction.UserCreated, AuditSubject.User, name, now, ct);
        RequireKnown(roleNames);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new FedUser(name) { MustChangePassword = mustChangePassword };
        Require(await users.CreateAsync(user, password ?? ""));
        Require(await users.AddToRolesAsync(user, roleNames));
        db.Audit(actor, AuditAction.UserCreated, AuditSubject.User, user.UserName!, null, new { user.UserName, Roles = roleNames }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <exception cref="NotFoundException">An unknown user.</exception>
    /// <exception cref="InvalidInputException">An unknown role, or an administrator removing their own administrator role.</exception>
    public async Task SetRolesAsync(Actor actor, string userName, IReadOnlyCollection<string> roleNames, CancellationToken ct = default)
    {
        var name = TextInput.Required(userName, FedUser.MaxUserNameLength, FedUser.UserNameField, "A user name", "Name the user whose roles change.");
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, "change roles", AuditAction.RolesChanged, AuditSubject.User, name, now, ct);
        RequireKnown(roleNames);
        var user = await ExistingAsync(name);
        if (user.UserName == actor.Name && !roleNames.Contains(Domain.Security.Roles.Administrator))
            throw new InvalidInputException("You cannot remove your own administrator role; another administrator can.");
        var before = (await users.GetRolesAsync(user)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Require(await users.RemoveFromRolesAsync(user, before.Except(roleNames)));
        Require(await users.AddToRolesAsync(user, roleNames.Except(before)));
        // A new stamp makes open pages and cookies holding the old roles fail their next check.
        Require(await users.UpdateSecurityStampAsync(user));
        db.Audit(actor, AuditAction.RolesChanged, AuditSubject.User, user.UserName!, new { Roles = before }, new { Roles = roleNames }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Disables an account: the user can no longer sign in, and their open pages, API calls and hub connections are
    /// refused at their next check (the security stamp changes). Nobody disables their own account, so at least the
    /// acting administrator stays enabled; the last-administrator check also holds for the system actor.
    /// </summary>
    /// <exception cref="NotFoundException">An unknown user.</exception>
    /// <exception cref="ConflictException">The account is disabled already.</exception>
    /// <exception cref="AccessDeniedException">Not an administrator, their own account, or the last enabled administrator (audited).</exception>
    public async Task DisableAsync(Actor actor, string userName, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, "disable users", AuditAction.UserDisabled, AuditSubject.User, userName, now, ct);
        var user = await ExistingAsync(userName);
        if (user.IsDisabled) throw new ConflictException($"{user.UserName} is already disabled.");
        await db.DemandAsync(actor, !string.Equals(user.UserName, actor.Name, StringComparison.OrdinalIgnoreCase),
            "disable their own account; another administrator can", AuditAction.UserDisabled, AuditSubject.User, user.UserName!, now, ct);
        var otherAdministrators = (await users.GetUsersInRoleAsync(Domain.Security.Roles.Administrator)).Count(a => a.Id != user.Id && !a.IsDisabled);
        await db.DemandAsync(actor, otherAdministrators > 0, $"disable {user.UserName}, the last enabled administrator",
            AuditAction.UserDisabled, AuditSubject.User, user.UserName!, now, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.Disable(now);
        Require(await users.UpdateSecurityStampAsync(user));
        db.Audit(actor, AuditAction.UserDisabled, AuditSubject.User, user.UserName!, new { Disabled = false }, new { Disabled = true }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <exception cref="NotFoundException">An unknown user.</exception>
    /// <exception cref="ConflictException">The account is not disabled.</exception>
    /// <exception cref="AccessDeniedException">Not an administrator (audited).</exception>
    public async Task EnableAsync(Actor actor, string userName, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, "enable users", AuditAction.UserEnabled, AuditSubject.User, userName, now, ct);
        var user = await ExistingAsync(userName);
        if (!user.IsDisabled) throw new ConflictException($"{user.UserName} is not disabled.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.Enable();
        Require(await users.UpdateAsync(user));
        db.Audit(actor, AuditAction.UserEnabled, AuditSubject.User, user.UserName!, new { Disabled = true }, new { Disabled = false }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Creates the roles and, when no administrator exists, the first one from the settings. Returns the generated
    /// one-time password to print, or null when none was generated.
    /// </summary>
    public async Task<string?> EnsureFirstAdministratorAsync(SecurityOptions options, CancellationToken ct = default)
    {
        foreach (var role in Domain.Security.Roles.All.Where(r => !roles.Roles.Any(existing => existing.Name == r)))
            Require(await roles.CreateAsync(new IdentityRole(role)));
        if ((await users.GetUsersInRoleAsync(Domain.Security.Roles.Administrator)).Count > 0) return null;

        var generated = string.IsNullOrEmpty(options.AdminPassword) ? OneTimePassword.Generate() : null;
        var admin = new FedUser(options.AdminUserName) { MustChangePassword = generated is not null };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Require(await users.CreateAsync(admin, generated ?? options.AdminPassword!));
        Require(await users.AddToRoleAsync(admin, Domain.Security.Roles.Administrator));
        db.Audit(Actor.System, AuditAction.UserCreated, AuditSubject.User, admin.UserName!, null,
            new { admin.UserName, Roles = new[] { Domain.Security.Roles.Administrator } }, clock.GetUtcNow(), "The first administrator, created at first start.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return generated;
    }

    /// <summary>Identity's error codes name what was wrong: the password's rules, or the name's.</summary>
    private static string? FieldOf(IdentityResult result) =>
        result.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? PasswordField
        : result.Errors.All(e => e.Code.Contains("UserName", StringComparison.Ordinal)) ? FedUser.UserNameField
        : null;

    private static void RequireKnown(IReadOnlyCollection<string> roleNames)
    {
        if (roleNames.Count == 0) throw new InvalidInputException("A user needs at least one role.", RolesField);
        if (roleNames.FirstOrDefault(r => !Domain.Security.Roles.All.Contains(r)) is { } unknown)
            throw new InvalidInputException($"There is no role '{unknown}'; the roles are {string.Join(", ", Domain.Security.Roles.All)}.");
    }

    private async Task<FedUser> ExistingAsync(string userName) =>
        await users.FindByNameAsync(userName) ?? throw new NotFoundException($"There is no user '{userName}'.");

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidInputException(string.Join(" ", result.Errors.Select(e => e.Description)), FieldOf(result));
    }
}
