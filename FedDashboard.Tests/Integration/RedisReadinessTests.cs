using FedDashboard.Hosting.Health;
using FedDashboard.Tests.Shared;
using System.Net;

namespace FedDashboard.Tests.Integration;

public sealed class RedisReadinessTests
{
    [Fact]
    public async Task Ready_NodeLosesRedis_AnswersUnavailable()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var link = new TcpLink(TestEnvironment.Redis);
        await using var node = await WebNode.StartAsync("node-a", database.ConnectionString, new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = link.Address,
            ["Fed:Live:ChannelPrefix"] = $"fedtest-{Guid.NewGuid():N}",
        });
        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        var before = (await client.GetAsync(HealthEndpoints.ReadyPath)).StatusCode;

        link.Sever();

        await Eventually.WaitForAsync(async () =>
            (await client.GetAsync(HealthEndpoints.ReadyPath)).StatusCode == HttpStatusCode.ServiceUnavailable ? "unavailable" : null,
            TimeSpan.FromSeconds(60), "the node to answer 503 on its readiness endpoint");
        Assert.Equal(HttpStatusCode.OK, before);
    }
}
