using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>Two clients' requests at once on one fleet, run by the real workers; an approver approves as a second person.</summary>
public sealed class ConcurrentRequestsTests
{
    private const double Target = 0.85;

    [Fact]
    public async Task TwoRequestsAtOnce_BothMet_NeitherStarves_NoTerminalInTwoOpenParticipations()
    {
        // Each request's settings select the whole fleet every round (C = 1): without fair shares the first to start a
        // round would take every idle terminal. Terminals paced to 150 samples/s, all training at once, make a round (1,500
        // samples each) outlast a waiting job's retry, so the first rounds of both overlap whichever starts first.
        await using var host = await FedTestHost.StartAsync(runWorkers: true, terminals: 40, settings: new Dictionary<string, string?>
        {
            ["Fed:DefaultJob:Settings:ClientFraction"] = "1",
            ["Fed:Orchestration:TrainingWorkers"] = "40",
            ["Fed:Fleet:LowTierSamplesPerSecond"] = "150",
            ["Fed:Fleet:MidTierSamplesPerSecond"] = "150",
            ["Fed:Fleet:HighTierSamplesPerSecond"] = "150",
        });
        var client = await host.Get<ClientRegistry>().RegisterAsync(TestClients.Administrator, TestClients.Details(spendingLimit: 1000m));
        var service = host.Get<TrainingRequests>();
        var deadline = DateTimeOffset.UtcNow.AddHours(1);
        // Both are open before any terminal is online, so neither job's first round can take the fleet before the other exists.
        await SetOnlineAsync(host, false);
        var high = (await service.SubmitAsync(client.Id, "high", TestRequests.Submission(deadline, targetAccuracy: Target, maxRounds: 30, maxSpend: 400m, priority: "High"))).Request;
        var normal = (await service.SubmitAsync(client.Id, "normal", TestRequests.Submission(deadline, targetAccuracy: Target, maxRounds: 30, maxSpend: 400m))).Request;
        using var sampling = new CancellationTokenSource();
        var doubled = TerminalsInTwoOpenParticipationsAsync(host, sampling.Token);
        await SetOnlineAsync(host, true);

        foreach (var request in new[] { high, normal })
        {
            var version = await Eventually.WaitForAsync(async () =>
            {
                await using var db = host.Db();
                return await db.ModelVersions.FirstOrDefaultAsync(v => v.JobId == request.JobId && v.Number > 0 && v.TestAccuracy >= Target && v.Status == ModelVersionStatus.PendingApproval);
            }, TimeSpan.FromMinutes(8), $"a version of request {request.Id}'s job reaching {Target:P0}");
            await host.Get<VersionDecisions>().ApproveAsync(version.Id, TestData.Approver, "meets the client's target");
        }

        foreach (var request in new[] { high, normal })
            Assert.Equal(TrainingRequestStatus.Met, (await service.ReadAsync(client.Id, request.Id))!.Request.Status);
        await using var store = host.Db();
        var rounds = await store.Rounds.AsNoTracking().Include(r => r.Participants)
            .Where(r => r.JobId == high.JobId || r.JobId == normal.JobId).OrderBy(r => r.StartedAt).ToListAsync();
        var highRounds = rounds.Where(r => r.JobId == high.JobId).ToList();
        var normalRounds = rounds.Where(r => r.JobId == normal.JobId).ToList();
        Assert.All(rounds, r => Assert.Contains(r.Participants, p => p.Status != ParticipantStatus.Declined));
        // Neither waited for the other to finish: their first rounds ran side by side, the High one with more terminals.
        Assert.True(Overlap(highRounds[0], normalRounds[0]), "the requests' first rounds did not run at the same time");
        Assert.True(Trained(highRounds[0]) > Trained(normalRounds[0]), $"first rounds: High {Trained(highRounds[0])} terminals, Normal {Trained(normalRounds[0])}");
        await sampling.CancelAsync();
        Assert.Empty(await doubled);
    }

    /// <summary>Until cancelled, looks every 100 ms for a terminal assigned or training in two rounds at once.</summary>
    private static async Task<HashSet<int>> TerminalsInTwoOpenParticipationsAsync(FedTestHost host, CancellationToken stop)
    {
        var seen = new HashSet<int>();
        while (!stop.IsCancellationRequested)
        {
            await using (var db = host.Db())
            {
                seen.UnionWith(await db.RoundParticipants
                    .Where(p => p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training)
                    .GroupBy(p => p.TerminalId).Where(g => g.Count() > 1).Select(g => g.Key)
                    .ToListAsync(CancellationToken.None));
            }
            await Task.Delay(100, CancellationToken.None);
        }
        return seen;
    }

    private static async Task SetOnlineAsync(FedTestHost host, bool online)
    {
        await using var db = host.Db();
        foreach (var terminal in await db.Terminals.ToListAsync())
            terminal.ReportTelemetry(terminal.CpuLoad, terminal.Battery, terminal.FreeMemoryMb, online, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private static int Trained(Round round) => round.Participants.Count(p => p.Status != ParticipantStatus.Declined);

    private static bool Overlap(Round a, Round b) => a.StartedAt < (b.EndedAt ?? DateTimeOffset.MaxValue) && b.StartedAt < (a.EndedAt ?? DateTimeOffset.MaxValue);
}
