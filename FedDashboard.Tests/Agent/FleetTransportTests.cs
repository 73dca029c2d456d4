using FedDashboard.Core.Hosting;

namespace FedDashboard.Tests.Agent;

public sealed class FleetTransportTests
{
    [Theory]
    [InlineData("http://10.1.1.1:9000", "http://0.0.0.0:5080", "http://10.1.1.1:9000/")]
    [InlineData(null, "http://0.0.0.0:5080;https://0.0.0.0:5081", "http://127.0.0.1:5080/")]
    [InlineData("", "http://+:5080", "http://127.0.0.1:5080/")]
    [InlineData(null, "http://127.0.0.1:41234", "http://127.0.0.1:41234/")]
    [InlineData(null, null, "http://localhost:5000/")]
    public void ServerUrl_ConfiguredElseTheAppsOwnAddress(string? configured, string? urls, string expected) =>
        Assert.Equal(expected, FleetTransportRegistration.ServerUrl(configured, urls).AbsoluteUri);
}
