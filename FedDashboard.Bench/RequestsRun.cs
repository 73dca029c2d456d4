using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;

namespace FedDashboard.Bench;

/// <summary>
/// Some requests submitted at once by one client on a fresh fleet, run by the workers until each is met or has ended; a
/// second person approves every version that reaches a request's target, as an approver would on the page.
/// </summary>
internal static class RequestsRun
{
    private static readonly Actor Administrator = Actor.User("bench-admin", Roles.Administrator);
    private static readonly Actor Approver = Actor.User("bench-approver", Roles.Approver);

    public static async Task<(IReadOnlyList<RequestFigures> Requests, DecisionFigures Decisions, double WallSeconds)> RunAsync(
        string name, int terminals, IReadOnlyDictionary<string, string?> overrides, IReadOnlyList<RequestPriority> priorities, double target, int maxRounds, TimeSpan limit)
    {
        await using var host = await BenchHost.StartAsync(name, terminals, overrides);
        var services = host.Services;
        var client = await services.GetRequiredService<ClientRegistry>().RegisterAsync(Administrator,
            new("Bench client", "bench@example.org", [ModelArchitecture.Mlp2NN], 1_000_000m, "EUR"));
        var requests = services.GetRequiredService<TrainingRequests>();
        var clock = Stopwatch.StartNew();
        var submitted = new List<TrainingRequest>();
        for (var i = 0; i < priorities.Count; i++)
        {
            var submission = new TrainingRequestSubmission($"bench request {i + 1}", "Mlp2NN", new("Iid"), new(target, null), DateTimeOffset.UtcNow + limit,
                new(maxRounds, 100_000m), null, priorities[i].ToString());
            submitted.Add((await requests.SubmitAsync(client.Id, $"bench-{i + 1}", submission)).Request);
        }

        var metAfter = new Dictionary<int, double>();
        var ended = new Dictionary<int, TrainingRequest>();
        while (ended.Count < submitted.Count && clock.Elapsed < limit)
        {
            await Task.Delay(500);
            await ApproveReachingAsync(services, submitted.Where(r => !ended.ContainsKey(r.Id)), target);
            foreach (var request in submitted.Where(r => !ended.ContainsKey(r.Id)))
            {
                var read = (await requests.ReadAsync(client.Id, request.Id))!.Request;
                if (read.IsOpen) continue;
                ended[read.Id] = read;
                if (read.Status == TrainingRequestStatus.Met) metAfter[read.Id] = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"  request {read.Id} ({read.Priority}): {read.Status} after {clock.Elapsed.TotalSeconds:0.0} s — {read.EndReason}");
            }
        }
        var wall = clock.Elapsed.TotalSeconds;
        var factory = services.GetRequiredService<IDbContextFactory<FedDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var figures = new List<RequestFigures>();
        foreach (var request in submitted)
        {
            var trained = await db.RoundParticipants
                .Join(db.Rounds.Where(r => r.JobId == request.JobId), p => p.RoundId, r => r.Id, (p, r) => p)
                .Where(p => p.Status != ParticipantStatus.Declined)
                .Select(p => new { p.TerminalId, p.RoundId })
                .ToListAsync();
            var status = ended.TryGetValue(request.Id, out var end) ? end.Status.ToString() : "still open";
            figures.Add(new(request.Id, request.Priority.ToString(), status, metAfter.TryGetValue(request.Id, out var seconds) ? Math.Round(seconds, 1) : null,
                await db.Rounds.CountAsync(r => r.JobId == request.JobId), trained.Select(p => p.TerminalId).Distinct().Count(), trained.Count));
        }
        var decisionMs = await db.RequestAllocations.Select(a => a.DecisionMs).ToListAsync();
        return (figures, new(decisionMs.Count, Math.Round(decisionMs.DefaultIfEmpty().Average(), 2), Math.Round(decisionMs.DefaultIfEmpty().Max(), 2)), Math.Round(wall, 1));
    }

    private static async Task ApproveReachingAsync(IServiceProvider services, IEnumerable<TrainingRequest> open, double target)
    {
        var jobIds = open.Select(r => r.JobId).ToList();
        var factory = services.GetRequiredService<IDbContextFactory<FedDbContext>>();
        List<int> reaching;
        await using (var db = await factory.CreateDbContextAsync())
        {
            reaching = await db.ModelVersions
                .Where(v => jobIds.Contains(v.JobId) && v.Number > 0 && v.Status == ModelVersionStatus.PendingApproval && v.TestAccuracy >= target)
                .Select(v => v.Id).ToListAsync();
        }
        foreach (var versionId in reaching)
            await services.GetRequiredService<VersionDecisions>().ApproveAsync(versionId, Approver, "meets the client's target (bench)");
    }
}
