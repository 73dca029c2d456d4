using FedDashboard.Core.Domain.Strategies.Planning;


namespace FedDashboard.Tests.Core.Topology;

public sealed class WidthTiersTests
{
    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.7, 1.0)]
    [InlineData(0.5, 0.5)]
    [InlineData(0.2, 0.25)]
    [InlineData(0.0, 0.25)]
    public void WidthFor_DefaultTiers_ByThirdOfScore(double score, double expected)
    {
        Assert.Equal(expected, WidthTiers.Default.WidthFor(score));
    }

    [Fact]
    public void Constructor_NoTiers_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new WidthTiers([]));

        Assert.Contains("At least one", exception.Message);
    }

    [Fact]
    public void Constructor_ScoresNotDescending_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new WidthTiers([new(0.3, 1.0), new(0.6, 0.5), new(0, 0.25)]));

        Assert.StartsWith("Tier 1: MinScore", exception.Message);
    }

    [Fact]
    public void Constructor_WidthsNotNesting_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new WidthTiers([new(0.6, 1.0), new(0.3, 0.25), new(0, 0.5)]));

        Assert.StartsWith("Tier 2: Width", exception.Message);
        Assert.Contains("nest", exception.Message);
    }

    [Fact]
    public void Constructor_WidestNotFullModel_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new WidthTiers([new(0.5, 0.75), new(0, 0.25)]));

        Assert.StartsWith("Tier 0: Width must be 1", exception.Message);
    }

    [Fact]
    public void Constructor_LastTierAboveZero_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new WidthTiers([new(0.5, 1.0), new(0.2, 0.5)]));

        Assert.StartsWith("Tier 1: the last tier's MinScore must be 0", exception.Message);
    }

    [Theory]
    [InlineData(1.5, 1.0)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(0, 0)]
    [InlineData(0, 1.5)]
    public void Constructor_ValueOutOfRange_Throws(double minScore, double width)
    {
        var exception = Assert.Throws<ArgumentException>(() => new WidthTiers([new(minScore, width)]));

        Assert.StartsWith("Tier 0:", exception.Message);
    }
}
