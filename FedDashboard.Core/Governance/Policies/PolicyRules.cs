using FedDashboard.Core.Topology.Policies;

namespace FedDashboard.Core.Governance.Policies;

/// <summary>The one refusal of a policy that breaks a rule, for every policy holder.</summary>
public static class PolicyRules
{
    /// <summary>Throws <see cref="ArgumentException"/> naming every broken rule; does nothing when there is none.</summary>
    public static void ThrowIfBroken(IReadOnlyList<PolicyError> errors, string paramName)
    {
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), paramName);
    }
}
