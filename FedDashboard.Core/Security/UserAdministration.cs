using FedDashboard.Core.Governance.Audit;
using FedDashboard.Core.Options;
using FedDashboard.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Security;

/// <summary>
/// Operator accounts and their roles, changed by administrators only and audited. Identity writes
/// through the same scoped context as the audit row, inside one transaction, so both commit or neither.
/// </summary>
public sealed class UserAdministration(UserManager<FedUser> users, RoleManager<IdentityRole> roles, FedDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct = default)
    {
        var accounts = await db.Users.OrderBy(u => u.UserName).ToListAsync(ct);
        var memberships = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        return [.. accounts.Select(u => new UserAccount(u.UserName!,
            [.. memberships.Where(m => m.UserId == u.Id).Select(m => m.Name!).OrderBy(Security.Roles.All.ToList().IndexOf)], u.MustChangePassword))];
    }

    /// <exception cref="ArgumentException">The name, password or roles are not acceptable; nothing was created.</exception>
    /// <param name="mustChangePassword">The password was handed over by the administrator, so the user replaces it at first sign-in.</param>
    public async Task CreateAsync(Actor actor, string userName, string password, IReadOnlyCollection<string> roleNames, bool mustChangePassword = true, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, "create users", AuditAction.UserCreated, AuditSubject.User, userName, now, ct);
        RequireKnown(roleNames);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new FedUser(userName?.Trim() ?? "") { MustChangePassword = mustChangePassword };
        Require(await users.CreateAsync(user, password ?? ""));
        Require(await users.AddToRolesAsync(user, roleNames));
        db.Audit(actor, AuditAction.UserCreated, AuditSubject.User, user.UserName!, null, new { user.UserName, Roles = roleNames }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <exception cref="ArgumentException">An unknown user or role, or an administrator removing their own administrator role.</exception>
    public async Task SetRolesAsync(Actor actor, string userName, IReadOnlyCollection<string> roleNames, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanAdminister, "change roles", AuditAction.RolesChanged, AuditSubject.User, userName, now, ct);
        RequireKnown(roleNames);
        var user = await users.FindByNameAsync(userName) ?? throw new ArgumentException($"There is no user '{userName}'.");
        if (user.UserName == actor.Name && !roleNames.Contains(Security.Roles.Administrator))
            throw new ArgumentException("You cannot remove your own administrator role; another administrator can.");
        var before = (await users.GetRolesAsync(user)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Require(await users.RemoveFromRolesAsync(user, before.Except(roleNames)));
        Require(await users.AddToRolesAsync(user, roleNames.Except(before)));
        db.Audit(actor, AuditAction.RolesChanged, AuditSubject.User, user.UserName!, new { Roles = before }, new { Roles = roleNames }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Creates the roles and, when no administrator exists, the first one from the settings. Returns the generated
    /// one-time password to print, or null when none was generated.
    /// </summary>
    public async Task<string?> EnsureFirstAdministratorAsync(SecurityOptions options, CancellationToken ct = default)
    {
        foreach (var role in Security.Roles.All.Where(r => !roles.Roles.Any(existing => existing.Name == r)))
            Require(await roles.CreateAsync(new IdentityRole(role)));
        if ((await users.GetUsersInRoleAsync(Security.Roles.Administrator)).Count > 0) return null;

        var generated = string.IsNullOrEmpty(options.AdminPassword) ? OneTimePassword.Generate() : null;
        var admin = new FedUser(options.AdminUserName) { MustChangePassword = generated is not null };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Require(await users.CreateAsync(admin, generated ?? options.AdminPassword!));
        Require(await users.AddToRoleAsync(admin, Security.Roles.Administrator));
        db.Audit(Actor.System, AuditAction.UserCreated, AuditSubject.User, admin.UserName!, null,
            new { admin.UserName, Roles = new[] { Security.Roles.Administrator } }, clock.GetUtcNow(), "The first administrator, created at first start.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return generated;
    }

    private static void RequireKnown(IReadOnlyCollection<string> roleNames)
    {
        if (roleNames.Count == 0) throw new ArgumentException("A user needs at least one role.");
        if (roleNames.FirstOrDefault(r => !Security.Roles.All.Contains(r)) is { } unknown)
            throw new ArgumentException($"There is no role '{unknown}'; the roles are {string.Join(", ", Security.Roles.All)}.");
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded) throw new ArgumentException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
