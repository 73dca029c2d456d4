using FedDashboard.Core.Learning;

namespace FedDashboard.Core.Orchestration;

/// <summary>A terminal's upload after local training: the trained parameters and how they were made.</summary>
public sealed record TerminalUpdate(int ParticipantId, int TerminalId, ParameterSet Parameters, int Samples, double TrainLoss, double TrainAccuracy, double SamplesPerSecond);
