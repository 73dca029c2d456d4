using FedDashboard.Core.Simulation;


namespace FedDashboard.Tests.Core.Simulation;

public sealed class SimulationOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoAttackersAndNoProblem()
    {
        var options = new SimulationOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(0, options.AttackerFraction);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Validate_AttackerFractionOutsideZeroToOne_NamesTheKeyAndTheRange(double fraction)
    {
        var problems = new SimulationOptions { AttackerFraction = fraction }.Validate();

        Assert.Contains(problems, problem => problem.StartsWith("AttackerFraction must be a fraction from 0 to 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(double.PositiveInfinity)]
    public void Validate_AttackScaleFactorNotPositiveOrTooLarge_NamesTheKeyAndTheRange(double factor)
    {
        var problems = new SimulationOptions { AttackScaleFactor = factor }.Validate();

        Assert.Contains(problems, problem => problem.StartsWith("AttackScaleFactor must be greater than 0 and at most 1000000", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UndefinedAttackKind_NamesTheKeyAndTheKinds()
    {
        var problems = new SimulationOptions { AttackKind = (AttackKind)7 }.Validate();

        Assert.Contains("AttackKind must be one of SignFlip, Scale, ScaledSignFlip (was 7).", problems);
    }
}
