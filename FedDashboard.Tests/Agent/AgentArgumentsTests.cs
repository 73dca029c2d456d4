using FedDashboard.Agent;
using FedDashboard.Tests.Shared;
using System.Runtime.Versioning;

namespace FedDashboard.Tests.Agent;

[SupportedOSPlatform("linux")]
public sealed class AgentArgumentsTests : IDisposable
{
    private readonly TempFolder _data = new();

    private string[] Minimal(params string[] more) => ["--edge", "http://10.0.0.5:5080", "--data", _data.Path, .. more];

    [Fact]
    public void Parse_AllOptions_TakesEachValue()
    {
        var parsed = AgentArguments.Parse(Minimal("--code", " k7qf-9xtm ", "--state", "/tmp/s", "--name", "lab-pc", "--position", "420.5,310", "--rotate",
            "--lighter-above", "0.7", "--decline-below-battery", "0.1"));

        Assert.Equal(new Uri("http://10.0.0.5:5080/"), parsed.Edge);
        Assert.Equal("k7qf-9xtm", parsed.Code);
        Assert.Equal(_data.Path, parsed.Data);
        Assert.Null(parsed.DemoMnist);
        Assert.Equal("/tmp/s", parsed.State);
        Assert.Equal("lab-pc", parsed.Name);
        Assert.Equal((420.5, 310.0), parsed.Position);
        Assert.True(parsed.Rotate);
        Assert.Equal(0.7, parsed.LighterAbove);
        Assert.Equal(0.1, parsed.DeclineBelowBattery);
    }

    [Fact]
    public void Parse_EdgeWithPath_KeepsThePathForTheRoutes() =>
        Assert.Equal("http://host/fed/", AgentArguments.Parse(["--edge", "http://host/fed", "--demo-mnist", _data.Path]).Edge.AbsoluteUri);

    [Fact]
    public void Parse_Defaults_NoPositionNoRotationStateInHome()
    {
        var parsed = AgentArguments.Parse(Minimal());

        Assert.Null(parsed.Position);
        Assert.False(parsed.Rotate);
        Assert.Null(parsed.Code);
        Assert.EndsWith(".fed-agent", parsed.State);
        Assert.Equal(0.8, parsed.LighterAbove);
    }

    [Theory]
    [InlineData(new[] { "--data", "." }, "--edge is missing")]
    [InlineData(new[] { "--edge", "ftp://x", "--data", "." }, "--edge must be an http or https URL")]
    [InlineData(new[] { "--edge", "10.0.0.5:5080", "--data", "." }, "--edge must be an http or https URL")]
    [InlineData(new[] { "--edge", "http://x" }, "Give exactly one of --data DIR")]
    [InlineData(new[] { "--edge", "http://x", "--data", ".", "--demo-mnist", "." }, "Give exactly one of --data DIR")]
    [InlineData(new[] { "--edge", "http://x", "--data", "/no/such/folder" }, "which is not a folder")]
    [InlineData(new[] { "--edge", "http://x", "--data", ".", "--position", "1;2" }, "--position must be two numbers X,Y")]
    [InlineData(new[] { "--edge", "http://x", "--data", ".", "--position", "1,NaN" }, "--position must be two numbers X,Y")]
    [InlineData(new[] { "--edge", "http://x", "--data", ".", "--lighter-above", "1.5" }, "--lighter-above must be a fraction from 0 to 1")]
    [InlineData(new[] { "--edge", "http://x", "--data", ".", "--code" }, "--code needs a value")]
    [InlineData(new[] { "--edge", "http://x", "--data", ".", "--code", "  " }, "--code is empty")]
    [InlineData(new[] { "--edge", "http://x", "--data", ".", "--colour", "red" }, "Unknown option '--colour'")]
    [InlineData(new[] { "--edge", "http://x", "--data", ".", "--edge", "http://y" }, "--edge is given twice")]
    [InlineData(new[] { "--edge", "http://x", "--data", ".", "stray" }, "Expected an option such as --edge, got 'stray'")]
    public void Parse_BadArguments_SaysWhatIsWrong(string[] args, string message)
    {
        var problem = Assert.Throws<ArgumentException>(() => AgentArguments.Parse(args));

        Assert.Contains(message, problem.Message);
    }

    public void Dispose() => _data.Dispose();
}
