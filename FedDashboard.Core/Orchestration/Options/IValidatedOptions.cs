namespace FedDashboard.Core.Orchestration.Options;

/// <summary>Options bound from one configuration section and checked at start-up.</summary>
public interface IValidatedOptions
{
    static abstract string Section { get; }

    /// <summary>Each problem names its key (relative to <see cref="Section"/>) and what is allowed.</summary>
    IEnumerable<string> Validate();
}
