using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>A central combination: the candidate model, and the server optimizer's state to keep with it (null: none).</summary>
public sealed record CentralModel(ParameterSet Model, ParameterSet? ServerState);
