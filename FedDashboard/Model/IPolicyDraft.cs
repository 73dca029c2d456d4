using System.Linq.Expressions;

namespace FedDashboard.Model;

/// <summary>
/// A form that edits a policy record: inputs bind to its fields, and each field's error sits at the name the policy's own
/// validation gives it ("Aggregation.AdamTau"), so one set of inputs serves every form that edits that part of the policy.
/// </summary>
public interface IPolicyDraft<TPolicy> where TPolicy : class
{
    FormField<TPolicy, TValue> Field<TValue>(Expression<Func<TPolicy, TValue>> member);

    string? ErrorFor(string field);

    bool HasError(string field);
}
