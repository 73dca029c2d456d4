using FedDashboard.Core.Domain.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>The real dashboard whose simulated fleet speaks the terminal protocol over HTTP to the dashboard's own address.</summary>
public sealed class HttpFleetDashboard : DashboardProcess
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Fed__Fleet__Transport"] = "Http",
    };
}

public sealed class HttpFleetTests(HttpFleetDashboard dashboard) : IClassFixture<HttpFleetDashboard>
{
    [Fact]
    public async Task Start_FleetOverHttp_RoundsCompleteWithResultsUploadedOverTheNetwork()
    {
        var round = await Eventually.WaitForAsync(async () =>
        {
            await using var db = dashboard.Db();
            return await db.Rounds.AsNoTracking().Include(r => r.Participants).FirstOrDefaultAsync(r => r.Phase == RoundPhase.Completed);
        }, TimeSpan.FromMinutes(3), "a completed round");

        Assert.NotNull(round.ModelVersionId);
        Assert.Contains(round.Participants, p => p.Status == ParticipantStatus.Reported && p.UploadKey is not null);
    }
}
