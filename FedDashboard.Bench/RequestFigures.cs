namespace FedDashboard.Bench;

/// <summary>One request of a run: how long until its condition was met, and the terminals its job got.</summary>
/// <param name="SecondsToCondition">From the submission until the client reads it met; null when it was not met.</param>
/// <param name="ParticipantRounds">Its rounds' participants added up (terminals that trained, not those that declined).</param>
internal sealed record RequestFigures(int RequestId, string Priority, string Status, double? SecondsToCondition, int Rounds, int DistinctTerminals, int ParticipantRounds);

/// <summary>The master's allocation decisions kept during a run (one per change of a request's allocation).</summary>
internal sealed record DecisionFigures(int Kept, double MeanMs, double MaxMs);
