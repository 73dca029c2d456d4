using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Tests.Core.Policies;

public sealed class EvaluationPolicyTests
{
    private static PolicyError SingleError(EvaluationPolicy evaluation) =>
        Assert.Single((EdgePolicy.Default with { Evaluation = evaluation }).Validate());

    [Fact]
    public void Validate_EveryBoundSetWithinRange_HasNoErrors()
    {
        var evaluation = new EvaluationPolicy
        {
            MinValidationAccuracy = 0.6, MinReliability = 0.8, RequireCoverage = true, AllowedTypes = [TerminalType.Phone, TerminalType.Tablet],
            MinCapacity = 0.2, MinDataSamples = 100, MaxDataAgeHours = 24, MaxReportSeconds = 60, AllowedApps = ["camera", "health"],
            MaxNormRatio = 3, MinCosineSimilarity = 0, ApplyAtSelection = true,
        };

        Assert.Empty((EdgePolicy.Default with { Evaluation = evaluation }).Validate());
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Validate_ValidationAccuracyOutsideZeroToOne_NamesEvaluationField(double accuracy)
    {
        var error = SingleError(new() { MinValidationAccuracy = accuracy });

        Assert.Equal("Evaluation.MinValidationAccuracy", error.Field);
        Assert.Contains("fraction from 0 to 1", error.Message);
        Assert.Contains($"(was {accuracy})", error.Message);
    }

    [Fact]
    public void Validate_ReliabilityAboveOne_NamesMinReliability()
    {
        Assert.Equal("Evaluation.MinReliability", SingleError(new() { MinReliability = 2 }).Field);
    }

    [Fact]
    public void Validate_NegativeCapacity_NamesMinCapacity()
    {
        Assert.Equal("Evaluation.MinCapacity", SingleError(new() { MinCapacity = -1 }).Field);
    }

    [Fact]
    public void Validate_ZeroDataSamples_SaysAtLeastOne()
    {
        var error = SingleError(new() { MinDataSamples = 0 });

        Assert.Equal("Evaluation.MinDataSamples", error.Field);
        Assert.Contains("at least 1", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(double.PositiveInfinity)]
    public void Validate_DataAgeNotAPositiveFiniteNumber_NamesMaxDataAgeHours(double hours)
    {
        Assert.Equal("Evaluation.MaxDataAgeHours", SingleError(new() { MaxDataAgeHours = hours }).Field);
    }

    [Fact]
    public void Validate_NegativeReportSeconds_NamesMaxReportSeconds()
    {
        var error = SingleError(new() { MaxReportSeconds = -5 });

        Assert.Equal("Evaluation.MaxReportSeconds", error.Field);
        Assert.Contains("seconds above 0", error.Message);
    }

    [Fact]
    public void Validate_NormRatioBelowOne_SaysTheMedianResultsOwnIsOne()
    {
        var error = SingleError(new() { MaxNormRatio = 0.5 });

        Assert.Equal("Evaluation.MaxNormRatio", error.Field);
        Assert.Contains("at least 1", error.Message);
        Assert.Contains("(was 0.5)", error.Message);
    }

    [Fact]
    public void Validate_CosineAboveOne_NamesMinCosineSimilarity()
    {
        var error = SingleError(new() { MinCosineSimilarity = 1.2 });

        Assert.Equal("Evaluation.MinCosineSimilarity", error.Field);
        Assert.Contains("from -1 to 1", error.Message);
    }

    [Fact]
    public void Validate_UnknownTerminalType_ListsTheTypes()
    {
        var error = SingleError(new() { AllowedTypes = [(TerminalType)7] });

        Assert.Equal("Evaluation.AllowedTypes", error.Field);
        Assert.Contains("Phone, Tablet, IoT", error.Message);
    }

    [Fact]
    public void Validate_TypeListedTwice_NamesAllowedTypes()
    {
        Assert.Equal("Evaluation.AllowedTypes", SingleError(new() { AllowedTypes = [TerminalType.IoT, TerminalType.IoT] }).Field);
    }

    [Fact]
    public void Validate_BlankApp_NamesAllowedApps()
    {
        var error = SingleError(new() { AllowedApps = ["camera", " "] });

        Assert.Equal("Evaluation.AllowedApps", error.Field);
        Assert.Contains("needs a name", error.Message);
    }

    [Fact]
    public void Validate_AppListedTwiceInOtherCase_NamesAllowedApps()
    {
        Assert.Contains("listed once", SingleError(new() { AllowedApps = ["camera", "Camera"] }).Message);
    }
}
