namespace FedDashboard.Core.Domain.Rewards;

/// <summary>What the reward of one accepted result depends on, besides the policy.</summary>
/// <param name="AcceptedInWindow">Accepted results of the terminal in the job's rounds counted by the frequency factor.</param>
/// <param name="EarnedInJob">What the terminal has earned in the job so far, in the policy's currency.</param>
public sealed record RewardClaim(int TerminalId, int EdgeId, int Samples, TimeSpan DataAge, int AcceptedInWindow, decimal EarnedInJob);
