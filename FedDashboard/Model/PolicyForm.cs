using FedDashboard.Core.Domain.Policies;


namespace FedDashboard.Model;

/// <summary>What every policy form shares: the stored revision it was loaded from, and the last save's errors at their fields.</summary>
/// <remarks>A save is refused when the stored policy's revision is newer than <see cref="Revision"/>.</remarks>
public abstract class PolicyForm
{
    private Dictionary<string, string> _errors = [];

    public int Revision { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }

    public IReadOnlyDictionary<string, string> Errors => _errors;

    /// <summary>The message for a field named as <see cref="PolicyError.Field"/> names it (e.g. "MaxCpuLoad", "Termination.MaxRounds").</summary>
    public string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    public bool HasError(string field) => _errors.ContainsKey(field);

    public void ShowErrors(IEnumerable<PolicyError> errors) =>
        _errors = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)));

    protected void ResetStored(int revision, DateTimeOffset? changedAt)
    {
        Revision = revision;
        ChangedAt = changedAt;
        _errors = [];
    }
}
