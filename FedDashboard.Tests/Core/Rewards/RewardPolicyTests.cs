using FedDashboard.Core.Domain.Policies.Reward;


namespace FedDashboard.Tests.Core.Rewards;

public sealed class RewardPolicyTests
{
    [Fact]
    public void Validate_Default_NoErrors() => Assert.Empty(RewardPolicy.Default.Validate());

    [Theory]
    [InlineData("BaseAmount")]
    [InlineData("CapPerTerminal")]
    [InlineData("RoundBudget")]
    [InlineData("JobBudget")]
    [InlineData("Currency")]
    [InlineData("Size.Weight")]
    [InlineData("Size.ReferenceSamples")]
    [InlineData("Recency.StaleDays")]
    [InlineData("Frequency.WindowRounds")]
    public void Validate_BrokenField_ErrorNamesTheField(string field)
    {
        var policy = field switch
        {
            "BaseAmount" => RewardPolicy.Default with { BaseAmount = -0.01m },
            "CapPerTerminal" => RewardPolicy.Default with { BaseAmount = 1m, CapPerTerminal = 0.5m },
            "RoundBudget" => RewardPolicy.Default with { RoundBudget = -1m },
            "JobBudget" => RewardPolicy.Default with { JobBudget = -1m },
            "Currency" => RewardPolicy.Default with { Currency = "euro" },
            "Size.Weight" => RewardPolicy.Default with { Size = new() { Weight = 1.5 } },
            "Size.ReferenceSamples" => RewardPolicy.Default with { Size = new() { ReferenceSamples = 0 } },
            "Recency.StaleDays" => RewardPolicy.Default with { Recency = new() { FreshDays = 30, StaleDays = 30 } },
            _ => RewardPolicy.Default with { Frequency = new() { WindowRounds = 0 } },
        };

        var error = Assert.Single(policy.Validate());

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Validate_CapBelowBase_SaysBoth()
    {
        var error = Assert.Single((RewardPolicy.Default with { BaseAmount = 2m, CapPerTerminal = 1m }).Validate());

        Assert.Equal("The cap per terminal is at least the base amount (2) and at most 1000000000, or empty (was 1).", error.Message);
    }
}
