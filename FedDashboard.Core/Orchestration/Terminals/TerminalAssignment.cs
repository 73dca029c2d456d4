using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>
/// What a terminal is asked to do in a round: the model to start from (content hash) and the part of it to train (width, segment), the
/// job's training settings and data partition, the edge's policy it trains under, the samples other terminals
/// share with it, and the round's deadline.
/// </summary>
/// <param name="Terminal">The terminal as its edge knows it (latest telemetry, data ordinal, tier).</param>
public sealed record TerminalAssignment(
    int ParticipantId,
    Terminal Terminal,
    int EdgeId,
    int RoundId,
    int RoundNumber,
    TrainingJob Job,
    string BaseModelHash,
    TrainedPart Part,
    EdgePolicy Policy,
    IReadOnlyList<SharedSamples> SharedData,
    DateTimeOffset Deadline)
{
    public TrainingSettings Settings => Job.Settings;
}

/// <summary>Samples of a donor terminal's data (by its data ordinal) that the participant may train on.</summary>
public sealed record SharedSamples(int DonorDataOrdinal, int Samples);
