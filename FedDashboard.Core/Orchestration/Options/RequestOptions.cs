using FedDashboard.Core.Domain.Training;

namespace FedDashboard.Core.Orchestration.Options;

/// <summary>How the jobs of clients' training requests train, beyond the default job's settings.</summary>
public sealed class RequestOptions : IValidatedOptions
{
    public static string Section => "Fed:Requests";

    /// <summary>
    /// The central server's own samples in a request's job (<see cref="TrainingSettings.CentralDataSamples"/>): a request
    /// goes on learning in rounds when few terminals are free. 0 turns it off.
    /// </summary>
    public int CentralDataSamples { get; set; } = 1_000;

    public IEnumerable<string> Validate()
    {
        if (TrainingSettings.CentralDataSamplesError(CentralDataSamples) is { } error) yield return error;
    }
}
