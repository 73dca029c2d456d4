namespace FedDashboard.Core.Domain.Training;

/// <summary>Which condition ended a job; the job's end reason says it in words, with the values met.</summary>
public enum JobEndCondition
{
    MaxRounds,
    TargetAccuracy,
    MaxDuration,

    /// <summary>Fewer terminals than the policy's minimum met their edge's standard at a round's start.</summary>
    TooFewEligibleTerminals,

    /// <summary>The mean CPU load of the job's terminals in coverage was above the policy's maximum at a round's start.</summary>
    LoadTooHigh,

    /// <summary>An operator aborted the job.</summary>
    Aborted,
}
