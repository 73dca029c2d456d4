using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Core.Domain.Strategies.Filtering;

/// <summary>What an edge knows of a terminal without its result, as selection and evaluation both read it.</summary>
/// <param name="Edge">The edge that assigns the terminal.</param>
/// <param name="Reliability">Its record of work in earlier rounds.</param>
/// <param name="Capacity">Its capacity score against the terminals the edge considers with it.</param>
/// <param name="DataSamples">Before training, the samples its data holds; after, the samples the result was trained on.</param>
/// <param name="AssignedAt">When it is, or was, assigned: its data's age is measured there.</param>
public sealed record TerminalEvidence(Terminal Terminal, EdgeServer Edge, Reliability Reliability, double Capacity, int DataSamples, DateTimeOffset AssignedAt);
