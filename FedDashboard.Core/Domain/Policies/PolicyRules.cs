using FedDashboard.Core.Domain.Refusals;


namespace FedDashboard.Core.Domain.Policies;

/// <summary>The one refusal of a policy that breaks a rule, for every policy holder.</summary>
public static class PolicyRules
{
    /// <summary>Throws <see cref="InvalidInputException"/> naming every broken rule (at its field when only one is); does nothing when there is none.</summary>
    public static void ThrowIfBroken<TPolicy>(TPolicy policy) where TPolicy : class, IPolicy<TPolicy>
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = policy.Validate();
        if (errors.Count > 0) throw new InvalidInputException(string.Join(" ", errors), errors.Count == 1 ? errors[0].Field : null);
    }
}
