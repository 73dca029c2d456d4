namespace FedDashboard.Core.Domain.Policies;

/// <summary>
/// Something that carries an operator-edited policy, replaced whole and counted by revision. Every change is audited with
/// the policy before and after in the same commit, so the audit log holds the revision history and the holder only its count.
/// </summary>
public abstract class PolicyHolder<TPolicy> where TPolicy : class, IPolicy<TPolicy>
{
    public TPolicy Policy { get; private set; } = TPolicy.Default;

    /// <summary>Counts policy changes; 0 is the policy the holder started with. A change against an older count is refused.</summary>
    public int PolicyRevision { get; private set; }

    public DateTimeOffset? PolicyChangedAt { get; private set; }

    /// <summary>Replaces the policy as the next revision; throws, changing nothing, when the policy breaks a rule.</summary>
    public void ChangePolicy(TPolicy policy, DateTimeOffset at)
    {
        PolicyRules.ThrowIfBroken(policy);
        Policy = policy;
        PolicyRevision++;
        PolicyChangedAt = at;
    }

    /// <summary>The policy a new holder starts with (revision 0); throws when it breaks a rule.</summary>
    protected void StartWith(TPolicy policy)
    {
        PolicyRules.ThrowIfBroken(policy);
        Policy = policy;
    }
}
