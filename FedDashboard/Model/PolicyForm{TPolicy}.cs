using FedDashboard.Core.Domain.Policies;
using System.Linq.Expressions;

namespace FedDashboard.Model;

/// <summary>A policy form that edits the policy record itself: its inputs bind to <see cref="Field{TValue}"/>, loading and saving take the record whole.</summary>
public abstract class PolicyForm<TPolicy> : PolicyForm, IPolicyDraft<TPolicy> where TPolicy : class, IPolicy<TPolicy>
{
    private readonly FormDraft<TPolicy> _draft = new(TPolicy.Default);

    public FormField<TPolicy, TValue> Field<TValue>(Expression<Func<TPolicy, TValue>> member) => _draft.Field(member);

    /// <summary>The policy the form holds now, as it would be saved.</summary>
    public virtual TPolicy ToPolicy() => _draft.Value;

    /// <summary>After a save (or a reload): the stored policy and its revision, no errors.</summary>
    public virtual void Reset(TPolicy policy, int revision, DateTimeOffset? changedAt)
    {
        _draft.Value = policy;
        ResetStored(revision, changedAt);
    }

    /// <summary>The holder's stored policy and revision, dropping unsaved edits.</summary>
    public void Load(PolicyHolder<TPolicy> holder) => Reset(holder.Policy, holder.PolicyRevision, holder.PolicyChangedAt);
}
