namespace FedDashboard.Core.Policies;

/// <summary>Something that carries an operator-edited policy, replaced whole and counted by revision.</summary>
public interface IPolicyHolder<TPolicy> where TPolicy : class
{
    int Id { get; }
    TPolicy Policy { get; }
    int PolicyRevision { get; }
    DateTimeOffset? PolicyChangedAt { get; }

    /// <summary>The row version: a change against an older one is refused.</summary>
    uint Version { get; }

    /// <summary>Throws <see cref="ArgumentException"/>, changing nothing, when the policy breaks a rule.</summary>
    void ChangePolicy(TPolicy policy, DateTimeOffset at);
}
