using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Tests.Core.Policies;

public sealed class PolicyHolderTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ChangePolicy_TwoChanges_CountsRevisionsAndKeepsTheLast()
    {
        var program = new RewardProgram(RewardPolicy.Default);

        program.ChangePolicy(RewardPolicy.Default with { BaseAmount = 0.2m }, At);
        program.ChangePolicy(RewardPolicy.Default with { BaseAmount = 0.3m }, At.AddHours(1));

        Assert.Equal((2, At.AddHours(1), 0.3m), (program.PolicyRevision, program.PolicyChangedAt, program.Policy.BaseAmount));
    }

    [Fact]
    public void ChangePolicy_BrokenRule_ThrowsAtTheFieldAndChangesNothing()
    {
        var program = new RewardProgram(RewardPolicy.Default);

        var refusal = Assert.Throws<InvalidInputException>(() => program.ChangePolicy(RewardPolicy.Default with { Currency = "euro" }, At));

        Assert.Equal(nameof(RewardPolicy.Currency), refusal.Field);
        Assert.Equal((0, null, RewardPolicy.Default), (program.PolicyRevision, program.PolicyChangedAt, program.Policy));
    }

    [Fact]
    public void Constructor_BrokenInitialPolicy_Throws()
    {
        var noRounds = JobPolicy.Default with { Termination = new() { MaxRounds = 0 } };

        Assert.Throws<InvalidInputException>(() => new TrainingJob("job", new TrainingSettings(), noRounds, 10, "operator", At));
    }
}
