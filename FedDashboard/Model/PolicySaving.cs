using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Security;


namespace FedDashboard.Model;

public enum PolicySaveOutcome
{
    Saved,

    /// <summary>The change relaxes the policy: stored as a proposal for an approver other than the user; the policy is unchanged.</summary>
    Proposed,

    /// <summary>The policy breaks a rule; the form shows the errors at their fields and nothing was stored.</summary>
    Invalid,

    /// <summary>Someone else saved this policy since the form was loaded; nothing was stored.</summary>
    Conflict,

    /// <summary>What the policy belongs to no longer exists.</summary>
    Missing,

    /// <summary>The user's roles do not allow the change; nothing was stored and the refusal was audited.</summary>
    Refused,
}

public sealed record PolicySaveResult(PolicySaveOutcome Outcome, string Message);

/// <summary>The one save flow of every policy form: validate at the fields, store through Core, say what happened.</summary>
internal static class PolicySaving
{
    /// <param name="store">Stores the policy against the revision the form was loaded from; called only when the policy is valid.</param>
    public static async Task<PolicySaveResult> SaveAsync<TPolicy>(PolicyForm<TPolicy> form, string name, Func<TPolicy, int, Task<PolicyChange>> store)
        where TPolicy : class, IPolicy<TPolicy>
    {
        var policy = form.ToPolicy();
        var errors = policy.Validate();
        form.ShowErrors(errors);
        if (errors.Count > 0)
            return new(PolicySaveOutcome.Invalid, $"{name}: the policy was not saved; correct the {(errors.Count == 1 ? "field" : "fields")} marked in red.");
        PolicyChange change;
        try
        {
            change = await store(policy, form.Revision);
        }
        catch (AccessDeniedException refusal)
        {
            return new(PolicySaveOutcome.Refused, $"{name}: nothing was saved. {refusal.Message}");
        }
        switch (change.Outcome)
        {
            case PolicyChangeOutcome.Missing:
                return new(PolicySaveOutcome.Missing, $"{name} no longer exists.");
            case PolicyChangeOutcome.Conflict:
                return new(PolicySaveOutcome.Conflict,
                    $"{name}'s policy was changed by someone else while you edited it; nothing was saved. Reload to see their version, then apply your change again.");
            case PolicyChangeOutcome.Proposed:
                return new(PolicySaveOutcome.Proposed,
                    $"{name}: this change {change.Relaxations}, so it was stored as a proposal; it takes effect only when an approver other than you accepts it. Until then the policy stays at revision {change.Revision}.");
            default:
                form.Reset(policy, change.Revision, change.ChangedAt);
                return new(PolicySaveOutcome.Saved, $"{name}: policy revision {change.Revision} saved; it takes effect from the next round.");
        }
    }
}
