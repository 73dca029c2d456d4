using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Orchestration;

public sealed class TrainingSettingsTests
{
    [Theory]
    [InlineData(100, 0.1, 10)]
    [InlineData(100, 1.0, 100)]
    [InlineData(5, 0.01, 1)]
    public void ParticipantsPerRound_FractionOfFleet_RoundsAndKeepsAtLeastOne(int fleet, double fraction, int expected)
    {
        var settings = TestData.Settings(clientFraction: fraction);

        Assert.Equal(expected, settings.ParticipantsPerRound(fleet));
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(3, 1, false)]
    [InlineData(3, 3, true)]
    [InlineData(3, 6, true)]
    public void CombinesAfter_Kappa_CombinesEveryKappaRounds(int kappa, int round, bool expected)
    {
        var settings = TestData.Settings(edgeRoundsPerCombination: kappa);

        Assert.Equal(expected, settings.CombinesAfter(round));
    }

    [Fact]
    public void Validate_ImpossibleValues_NamesEachSetting()
    {
        var settings = TestData.Settings(clientFraction: 1.5) with { LearningRate = -1, BatchSize = 0 };

        var errors = settings.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("ClientFraction"));
        Assert.Contains(errors, e => e.StartsWith("BatchSize"));
        Assert.Contains(errors, e => e.StartsWith("LearningRate"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(59_001)]
    public void Validate_CentralDataSamplesOutOfRange_SaysTheRange(int samples)
    {
        var settings = TestData.Settings() with { CentralDataSamples = samples };

        var error = Assert.Single(settings.Validate());

        Assert.Equal($"CentralDataSamples must be from 0 (the central server does not train) to 59000, the training images outside the validation sample (was {samples}).", error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(59_000)]
    public void Validate_CentralDataSamplesAtTheBounds_Valid(int samples) =>
        Assert.Empty((TestData.Settings() with { CentralDataSamples = samples }).Validate());

    [Theory]
    [InlineData(0, 2, false)]
    [InlineData(500, 4, true)]
    [InlineData(500, 5, false)]
    public void TrainsCentrally_FiveOfTwentyAsked_OnlyWhenOnAndFewerAccepted(int samples, int accepted, bool expected)
    {
        var settings = TestData.Settings(clientFraction: 0.25) with { CentralDataSamples = samples };

        Assert.Equal(expected, settings.TrainsCentrally(accepted, fleetSize: 20));
    }
}
