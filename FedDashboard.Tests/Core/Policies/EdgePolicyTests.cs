using FedDashboard.Core.Domain.Policies.Edge;


namespace FedDashboard.Tests.Core.Policies;

public sealed class EdgePolicyTests
{
    [Fact]
    public void Validate_Default_HasNoErrors()
    {
        Assert.Empty(EdgePolicy.Default.Validate());
    }

    [Fact]
    public void Validate_NegativeLoadLimit_NamesMaxCpuLoad()
    {
        var errors = (EdgePolicy.Default with { MaxCpuLoad = -0.1 }).Validate();

        var error = Assert.Single(errors);
        Assert.Equal(nameof(EdgePolicy.MaxCpuLoad), error.Field);
        Assert.Contains("-0.1", error.Message);
    }

    [Fact]
    public void Validate_BatteryAboveOne_NamesMinBattery()
    {
        var error = Assert.Single((EdgePolicy.Default with { MinBattery = 1.5 }).Validate());

        Assert.Equal(nameof(EdgePolicy.MinBattery), error.Field);
    }

    [Fact]
    public void Validate_TierWidthsThatDoNotNest_NamesTiers()
    {
        var errors = (EdgePolicy.Default with { Tiers = [new(0.6, 1.0), new(0.3, 0.25), new(0, 0.5)] }).Validate();

        var error = Assert.Single(errors);
        Assert.Equal(nameof(EdgePolicy.Tiers), error.Field);
        Assert.Contains("nest", error.Message);
    }

    [Fact]
    public void Validate_ZeroReplacementSpeed_NamesReplaceBelowSpeed()
    {
        var error = Assert.Single((EdgePolicy.Default with { ReplaceBelowSpeed = 0 }).Validate());

        Assert.Equal(nameof(EdgePolicy.ReplaceBelowSpeed), error.Field);
    }

    [Theory]
    [InlineData("", GroupField.App, "camera", "needs a name")]
    [InlineData("busy", GroupField.LoadBand, "", "needs a value")]
    [InlineData("busy", GroupField.LoadBand, "extreme", "Low, Medium, High")]
    [InlineData("north", GroupField.Region, "N", "NW, NE, SW, SE")]
    [InlineData("tablets", GroupField.Type, "Laptop", "Phone, Tablet, IoT")]
    public void Validate_BadGroupRule_NamesTheGroup(string name, GroupField field, string value, string expected)
    {
        var error = Assert.Single((EdgePolicy.Default with { Groups = [new(name, field, value)] }).Validate());

        Assert.Equal("Groups[0]", error.Field);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Validate_GroupNameUsedTwice_NamesTheSecond()
    {
        var policy = EdgePolicy.Default with { Groups = [new("a", GroupField.App, "camera"), new("A", GroupField.App, "health")] };

        var error = Assert.Single(policy.Validate());

        Assert.Equal("Groups[1]", error.Field);
    }

    [Fact]
    public void Validate_GroupWidthAboveOne_NamesTheGroup()
    {
        var error = Assert.Single((EdgePolicy.Default with { Groups = [new("big", GroupField.Hardware, "High", Width: 1.5)] }).Validate());

        Assert.Contains("width", error.Message);
    }
}
