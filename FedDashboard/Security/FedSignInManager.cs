using FedDashboard.Core.Persistence.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FedDashboard.Security;

/// <summary>
/// Identity's sign-in with two additions: a disabled account cannot sign in or keep a session, and a refused sign-in
/// costs the same password-hash work whether the user is unknown, locked, disabled or typed a wrong password, so the
/// answer's timing does not tell which accounts exist.
/// </summary>
public sealed class FedSignInManager(
    UserManager<FedUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<FedUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<FedUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<FedUser> confirmation)
    : SignInManager<FedUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<FedUser>().HashPassword(new FedUser(), "decoy password"));

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null) return await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        SpendHashWork();
        return SignInResult.Failed;
    }

    public override async Task<bool> CanSignInAsync(FedUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(FedUser? user, string? securityStamp) =>
        user is { IsDisabled: false } && await base.ValidateSecurityStampAsync(user, securityStamp);

    /// <summary>Identity refuses a locked or disabled account before it checks the password; check a decoy instead.</summary>
    protected override async Task<SignInResult?> PreSignInCheck(FedUser user)
    {
        var refusal = await base.PreSignInCheck(user);
        if (refusal is not null) SpendHashWork();
        return refusal;
    }

    private void SpendHashWork() => UserManager.PasswordHasher.VerifyHashedPassword(new FedUser(), DecoyHash.Value, "not the password");
}
