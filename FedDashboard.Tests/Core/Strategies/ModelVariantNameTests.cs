using FedDashboard.Core.Domain.Strategies;


namespace FedDashboard.Tests.Core.Strategies;

public sealed class ModelVariantNameTests
{
    [Theory]
    [InlineData(1.0, null, "full")]
    [InlineData(0.5, null, "width 0.50")]
    [InlineData(0.25, "phones", "width 0.25 · phones")]
    [InlineData(1.0, "north", "full · north")]
    public void Of_WidthAndGroup_Named(double width, string? group, string expected)
    {
        Assert.Equal(expected, ModelVariantName.Of(width, group));
    }

    [Fact]
    public void Of_LongGroupName_CutToTheColumn()
    {
        var name = ModelVariantName.Of(0.5, new string('g', 100));

        Assert.Equal(ModelVariantName.MaxLength, name.Length);
        Assert.EndsWith("…", name);
    }
}
