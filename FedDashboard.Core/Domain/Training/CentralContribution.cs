using System.Globalization;

namespace FedDashboard.Core.Domain.Training;

/// <summary>
/// The central server's own training in a round that accepted too few terminals' results: the round's base model trained
/// on the server's data, one more contribution to the central combination, weighted by its samples.
/// </summary>
public sealed class CentralContribution
{
    private CentralContribution() => ModelHash = "";

    /// <param name="acceptedResults">k: the terminals' results the round accepted.</param>
    /// <param name="participantsPerRound">m: the C·K results a round asks for.</param>
    public CentralContribution(int roundId, string modelHash, int samples, int acceptedResults, int participantsPerRound, DateTimeOffset trainedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelHash);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ArgumentOutOfRangeException.ThrowIfNegative(acceptedResults);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(acceptedResults, participantsPerRound);
        RoundId = roundId;
        ModelHash = modelHash;
        Samples = samples;
        AcceptedResults = acceptedResults;
        ParticipantsPerRound = participantsPerRound;
        TrainedAt = trainedAt;
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public string ModelHash { get; private set; }
    public int Samples { get; private set; }
    public int AcceptedResults { get; private set; }
    public int ParticipantsPerRound { get; private set; }
    public DateTimeOffset TrainedAt { get; private set; }

    public string Note => string.Create(CultureInfo.InvariantCulture,
        $"The central server trained on {Samples:N0} own samples because only {AcceptedResults} of {ParticipantsPerRound} terminals' results were accepted.");
}
