namespace FedDashboard.Core.Domain.Policies;

/// <summary>A rule a policy breaks: the field (as named in the policy) and what is allowed.</summary>
public sealed record PolicyError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
