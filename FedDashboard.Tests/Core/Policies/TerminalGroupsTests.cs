using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Tests.Core.Policies;

public sealed class TerminalGroupsTests
{
    private static Terminal Terminal(TerminalType type = TerminalType.Phone, HardwareTier tier = HardwareTier.Mid, double load = 0.1, double x = 100, double y = 100, string app = "camera")
    {
        var terminal = new Terminal("t", 0, type, tier, x, y);
        terminal.ReportTelemetry(load, 1, 1024, online: true, DateTimeOffset.UnixEpoch);
        terminal.DescribeData(app, 600, anonymized: true, DateTimeOffset.UnixEpoch);
        return terminal;
    }

    [Theory]
    [InlineData(0.1, "Low")]
    [InlineData(0.5, "Medium")]
    [InlineData(0.9, "High")]
    public void GroupOf_LoadBandRule_MatchesTheBand(double load, string band)
    {
        GroupRule[] rules = [new("low", GroupField.LoadBand, "Low"), new("medium", GroupField.LoadBand, "medium"), new("high", GroupField.LoadBand, "HIGH")];

        var group = TerminalGroups.GroupOf(rules, Terminal(load: load), mapSize: 1000);

        Assert.Equal(band, group!.Name, ignoreCase: true);
    }

    [Theory]
    [InlineData(100, 900, "NW")]
    [InlineData(900, 900, "NE")]
    [InlineData(100, 100, "SW")]
    [InlineData(900, 100, "SE")]
    public void Region_Quadrant_NorthIsHighY(double x, double y, string expected)
    {
        Assert.Equal(expected, TerminalGroups.Region(x, y, 1000));
    }

    [Fact]
    public void GroupOf_SeveralRulesMatch_FirstWins()
    {
        GroupRule[] rules = [new("tablets", GroupField.Type, "Tablet", Width: 0.5), new("camera", GroupField.App, "camera")];

        Assert.Equal("tablets", TerminalGroups.GroupOf(rules, Terminal(type: TerminalType.Tablet), 1000)!.Name);
        Assert.Equal("camera", TerminalGroups.GroupOf(rules, Terminal(type: TerminalType.Phone), 1000)!.Name);
    }

    [Fact]
    public void GroupOf_NoRuleMatches_Null()
    {
        Assert.Null(TerminalGroups.GroupOf([new("high-end", GroupField.Hardware, "High")], Terminal(tier: HardwareTier.Low), 1000));
    }
}
