using FedDashboard.Protocol;

namespace FedDashboard.Tests.Agent;

public sealed class HttpTerminalChannelTests
{
    [Fact]
    public void QueryOf_Metadata_OneCamelCaseParameterPerPropertyInvariantNumbers()
    {
        var query = HttpTerminalChannel.QueryOf(new ResultMetadata(600, 0.25, 0.5, 1234.5, 60, 59));

        Assert.Equal("?samples=600&trainLoss=0.25&trainAccuracy=0.5&samplesPerSecond=1234.5&plannedSteps=60&stepsDone=59", query);
        Assert.Equal(typeof(ResultMetadata).GetProperties().Length, query.Count(c => c == '='));
    }
}
