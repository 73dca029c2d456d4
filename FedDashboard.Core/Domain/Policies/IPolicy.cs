namespace FedDashboard.Core.Domain.Policies;

/// <summary>A policy an operator edits: a value replaced whole, with the default a new holder starts from and its own rules.</summary>
public interface IPolicy<TSelf> where TSelf : class, IPolicy<TSelf>
{
    static abstract TSelf Default { get; }

    /// <summary>Every rule the policy breaks, each naming its field; empty when it can be saved.</summary>
    IReadOnlyList<PolicyError> Validate();
}
