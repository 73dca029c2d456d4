using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Requests.Allocation;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Requests.Allocation;

/// <summary>
/// What the allocation is decided from: each edge's resources now, and the open requests whose jobs run, with how many
/// of each edge's available terminals are in the terminal group a request names.
/// </summary>
internal static class FleetResources
{
    public static async Task<(IReadOnlyList<EdgeResources> Edges, IReadOnlyList<AllocationClaim> Claims)> ReadAsync(
        FedDbContext db, DeclineThresholds decline, double mapSize, CancellationToken ct)
    {
        // A request whose job is paused or has ended (awaiting an approver) starts no rounds, so it holds no terminals.
        var open = await db.TrainingRequests
            .Where(r => r.Status == TrainingRequestStatus.Training)
            .Join(db.TrainingJobs.Where(j => j.Status == JobStatus.Running), r => r.JobId, j => j.Id, (r, j) => new { r.Id, r.Priority, r.Data.TerminalGroup, Job = j })
            .AsNoTracking()
            .OrderBy(x => x.Id)
            .ToListAsync(ct);
        var requestJobs = open.Select(x => x.Job.Id).ToHashSet();
        var busy = await db.RoundParticipants
            .Where(p => p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training)
            .Join(db.Rounds, p => p.RoundId, r => r.Id, (p, r) => new { p.TerminalId, r.JobId })
            .ToListAsync(ct);
        var busyFor = busy.GroupBy(x => x.TerminalId).ToDictionary(g => g.Key, g => g.First().JobId);
        var inCoverage = (await db.Terminals.AsNoTracking().Where(t => t.Online && t.EdgeId != null).ToListAsync(ct)).ToLookup(t => t.EdgeId!.Value);
        var edges = await db.EdgeServers.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        var available = edges.ToDictionary(e => e.Id, edge => inCoverage[edge.Id]
            .Where(t => !(busyFor.TryGetValue(t.Id, out var job) ? !requestJobs.Contains(job) : TerminalAvailability.DeclineReason(t, decline) is not null))
            .ToList());

        var claims = new List<AllocationClaim>(open.Count);
        foreach (var request in open)
        {
            var limits = request.TerminalGroup is { } group
                ? edges.ToDictionary(e => e.Id, e => available[e.Id].Count(t => TerminalGroups.IsIn(group, e.Policy.Groups, t, mapSize)))
                : null;
            claims.Add(new(request.Id, request.Priority, request.Job.Settings.ParticipantsPerRound(await db.FleetOfAsync(request.Job, ct)), limits));
        }
        return ([.. edges.Select(edge =>
        {
            var terminals = inCoverage[edge.Id].ToList();
            var forOthers = terminals.Count(t => busyFor.TryGetValue(t.Id, out var job) && !requestJobs.Contains(job));
            var declining = terminals.Count(t => !busyFor.ContainsKey(t.Id) && TerminalAvailability.DeclineReason(t, decline) is not null);
            return new EdgeResources(edge.Id, edge.Name, terminals.Count, forOthers, declining, terminals.Count == 0 ? null : terminals.Average(t => t.CpuLoad));
        })], claims);
    }
}
