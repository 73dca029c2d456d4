using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Hubs;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.SignalR.Client;

namespace FedDashboard.Tests.Integration;

[Collection(DashboardCollection.Name)]
public sealed class LiveHubTests(DashboardProcess dashboard)
{
    [Fact]
    public async Task Connect_RunningDashboard_ReceivesFleetTicksAndRoundPhases()
    {
        var tick = new TaskCompletionSource<FleetTick>(TaskCreationOptions.RunContinuationsAsynchronously);
        var phase = new TaskCompletionSource<RoundPhaseChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (_, cookies) = await SignedInClient.SignInAsync(dashboard.BaseAddress, DashboardAccounts.AdminName);
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(dashboard.BaseAddress, LiveHub.Path), o => o.Cookies = cookies).Build();
        connection.On<FleetTick>(nameof(FleetTick), e => tick.TrySetResult(e));
        connection.On<RoundPhaseChanged>(nameof(RoundPhaseChanged), e => phase.TrySetResult(e));

        await connection.StartAsync();
        var fleet = await tick.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var round = await phase.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(40, fleet.Terminals);
        Assert.InRange(fleet.MeanCpuLoad, 0, 1);
        Assert.True(round.RoundNumber >= 1);
    }

    [Fact]
    public async Task Connect_NotSignedIn_IsRefused()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(dashboard.BaseAddress, LiveHub.Path)).Build();

        var refusal = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refusal.StatusCode);
    }
}
