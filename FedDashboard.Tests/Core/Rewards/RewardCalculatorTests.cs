using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Tests.Core.Rewards;

/// <summary>Reward amounts on hand-made claims: each factor alone, then the cap and both budget rules.</summary>
public sealed class RewardCalculatorTests
{
    /// <summary>A policy where nothing but what a test sets changes the base amount of 0.10 EUR.</summary>
    private static RewardPolicy Flat(decimal? cap = null, decimal? roundBudget = null, decimal? jobBudget = null, BudgetRule rule = BudgetRule.ProRata) => new()
    {
        BaseAmount = 0.10m,
        Size = new() { Weight = 0 },
        Recency = new() { Weight = 0 },
        Frequency = new() { Weight = 0 },
        CapPerTerminal = cap,
        RoundBudget = roundBudget,
        JobBudget = jobBudget,
        BudgetRule = rule,
    };

    private static RewardClaim Claim(int terminal = 1, int samples = 500, double ageDays = 0, int acceptedInWindow = 0, decimal earned = 0) =>
        new(terminal, EdgeId: 1, samples, TimeSpan.FromDays(ageDays), acceptedInWindow, earned);

    private static RewardQuote One(RewardPolicy policy, RewardClaim claim) => Assert.Single(RewardCalculator.Quote(policy, [claim], spentInJob: 0));

    [Fact]
    public void Quote_NoFactorWeighs_EarnsTheBaseAmount()
    {
        var quote = One(Flat(), Claim(samples: 37, ageDays: 400, acceptedInWindow: 10));

        Assert.Equal((0.10m, RewardAdjustment.None), (quote.Amount, quote.Adjustment));
    }

    [Theory]
    [InlineData(500, "0.1000")]   // the reference: ×1
    [InlineData(250, "0.0750")]   // half: 1 + 0.5 × (0.5 − 1) = 0.75
    [InlineData(1000, "0.1500")]  // twice: 1 + 0.5 × (2 − 1) = 1.5
    [InlineData(5000, "0.1500")]  // beyond twice earns nothing extra
    public void Quote_DataSize_ScalesAroundTheReference(int samples, string expected)
    {
        var policy = Flat() with { Size = new() { Weight = 0.5, ReferenceSamples = 500 } };

        Assert.Equal(decimal.Parse(expected), One(policy, Claim(samples: samples)).Amount);
    }

    [Theory]
    [InlineData(3, "0.1000")]     // fresh
    [InlineData(48.5, "0.0850")]  // half-way from 7 to 90 days: 1 − 0.3 × 0.5
    [InlineData(365, "0.0700")]   // stale: 1 − 0.3
    public void Quote_DataAge_FreshEarnsFullStaleLoses(double ageDays, string expected)
    {
        var policy = Flat() with { Recency = new() { Weight = 0.3, FreshDays = 7, StaleDays = 90 } };

        Assert.Equal(decimal.Parse(expected), One(policy, Claim(ageDays: ageDays)).Amount);
    }

    [Theory]
    [InlineData(0.2, 0, "0.1000")]
    [InlineData(0.2, 5, "0.1100")]   // 5 of the last 10 rounds: 1 + 0.2 × 0.5
    [InlineData(0.2, 10, "0.1200")]
    [InlineData(-0.5, 10, "0.0500")] // a negative weight favours terminals that trained less
    public void Quote_ParticipationFrequency_ShareOfTheWindowMovesTheReward(double weight, int accepted, string expected)
    {
        var policy = Flat() with { Frequency = new() { Weight = weight, WindowRounds = 10 } };

        Assert.Equal(decimal.Parse(expected), One(policy, Claim(acceptedInWindow: accepted)).Amount);
    }

    [Fact]
    public void Quote_AllFactors_MultiplyAndRoundToFourPlaces()
    {
        var policy = Flat() with
        {
            BaseAmount = 0.37m,
            Size = new() { Weight = 0.5, ReferenceSamples = 600 },
            Recency = new() { Weight = 0.3, FreshDays = 7, StaleDays = 90 },
            Frequency = new() { Weight = 0.2, WindowRounds = 10 },
        };

        var quote = One(policy, Claim(samples: 400, ageDays: 30, acceptedInWindow: 3));

        var size = 1 + 0.5 * (400 / 600.0 - 1);
        var recency = 1 - 0.3 * ((30 - 7) / 83.0);
        var frequency = 1 + 0.2 * 0.3;
        Assert.Equal((size, recency, frequency), (quote.SizeMultiplier, quote.RecencyMultiplier, quote.FrequencyMultiplier));
        Assert.Equal(Math.Round(0.37m * (decimal)(size * recency * frequency), 4, MidpointRounding.AwayFromZero), quote.Amount);
        Assert.Equal(0.2997m, quote.Amount);
    }

    [Theory]
    [InlineData("0.95", "0.0500")] // 0.05 left under the cap of 1.00
    [InlineData("1.00", "0")]      // the cap is reached
    [InlineData("0.50", "0.1000")] // far below the cap: untouched
    public void Quote_CapPerTerminal_PaysAtMostWhatIsLeftUnderTheCap(string earned, string expected)
    {
        var quote = One(Flat(cap: 1.00m), Claim(earned: decimal.Parse(earned)));

        Assert.Equal(decimal.Parse(expected), quote.Amount);
        Assert.Equal(quote.Amount < 0.10m ? RewardAdjustment.Capped : RewardAdjustment.None, quote.Adjustment);
        Assert.Equal(0.10m, quote.Computed);
    }

    [Fact]
    public void Quote_RoundBudgetExceededProRata_EveryoneScaledByTheSameFactor()
    {
        var quotes = RewardCalculator.Quote(Flat(roundBudget: 0.30m), [Claim(1), Claim(2), Claim(3), Claim(4)], spentInJob: 0);

        Assert.All(quotes, q => Assert.Equal((0.075m, RewardAdjustment.ScaledProRata), (q.Amount, q.Adjustment)));
        Assert.Contains("Scaled to 75.00 % pro rata", quotes[0].Note);
        Assert.Contains("round budget of 0.3000 EUR", quotes[0].Note);
    }

    [Fact]
    public void Quote_ProRataThatDoesNotDivideEvenly_RoundsDownSoTheBudgetHolds()
    {
        var quotes = RewardCalculator.Quote(Flat(roundBudget: 0.10m), [Claim(1), Claim(2), Claim(3)], spentInJob: 0);

        Assert.All(quotes, q => Assert.Equal(0.0333m, q.Amount));
        Assert.True(quotes.Sum(q => q.Amount) <= 0.10m);
    }

    [Fact]
    public void Quote_JobBudgetNearlySpent_ScalesToWhatIsLeft()
    {
        var quotes = RewardCalculator.Quote(Flat(jobBudget: 1.00m), [Claim(1), Claim(2), Claim(3), Claim(4)], spentInJob: 0.90m);

        Assert.All(quotes, q => Assert.Equal(0.025m, q.Amount));
        Assert.Contains("0.1000 EUR left of the job budget of 1.0000 EUR", quotes[0].Note);
    }

    [Fact]
    public void Quote_StopPaying_EarliestPaidInFullThenPartlyThenNothing()
    {
        var quotes = RewardCalculator.Quote(Flat(roundBudget: 0.25m, rule: BudgetRule.StopPaying), [Claim(1), Claim(2), Claim(3), Claim(4)], spentInJob: 0);

        Assert.Equal([0.10m, 0.10m, 0.05m, 0m], quotes.Select(q => q.Amount));
        Assert.Equal([RewardAdjustment.None, RewardAdjustment.None, RewardAdjustment.BudgetExhausted, RewardAdjustment.BudgetExhausted], quotes.Select(q => q.Adjustment));
        Assert.Contains("Paid 0.0500 EUR of 0.1000 EUR", quotes[2].Note);
    }

    [Fact]
    public void Quote_WithinBudget_NothingAdjusted()
    {
        var quotes = RewardCalculator.Quote(Flat(roundBudget: 0.40m, jobBudget: 10m), [Claim(1), Claim(2), Claim(3), Claim(4)], spentInJob: 9.6m);

        Assert.All(quotes, q => Assert.Equal((0.10m, RewardAdjustment.None), (q.Amount, q.Adjustment)));
    }

    [Fact]
    public void Quote_CapAndBudget_CapFirstThenBudgetOverWhatIsLeft()
    {
        var quotes = RewardCalculator.Quote(Flat(cap: 1.00m, roundBudget: 0.10m), [Claim(1, earned: 0.95m), Claim(2)], spentInJob: 0);

        // 0.05 (capped) + 0.10 = 0.15 > 0.10: both scaled by 2/3.
        Assert.Equal([0.0333m, 0.0666m], quotes.Select(q => q.Amount));
    }
}
