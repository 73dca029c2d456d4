namespace FedDashboard.Core.Domain.Training;

/// <summary>Samples of one terminal's data that another terminal trained on in a round, under the job's sharing rules.</summary>
public sealed class SharedDataGrant
{
    private SharedDataGrant() { }

    public SharedDataGrant(int participantId, int donorTerminalId, int samples, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ParticipantId = participantId;
        DonorTerminalId = donorTerminalId;
        Samples = samples;
        At = at;
    }

    public long Id { get; private set; }

    /// <summary>The round participant that received the data.</summary>
    public int ParticipantId { get; private set; }

    public int DonorTerminalId { get; private set; }
    public int Samples { get; private set; }
    public DateTimeOffset At { get; private set; }
}
