using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>
/// Every client's training requests as the dashboard reads them. It only reads: a request's status is brought up to
/// date by <see cref="RequestStatusSync"/> (when a client reads it, at its deadline and every minute), which announces
/// each change, so an open page reads again then.
/// </summary>
public sealed class TrainingRequestBoard(IDbContextFactory<FedDbContext> dbFactory)
{
    /// <returns>The requests the filter lets through, newest first.</returns>
    public async Task<IReadOnlyList<RequestBoardRow>> ListAsync(RequestBoardFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.TrainingRequests.AsNoTracking();
        if (filter.Status is { } status) query = query.Where(r => r.Status == status);
        if (filter.ClientId is { } clientId) query = query.Where(r => r.ClientId == clientId);
        var requests = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        var clientIds = requests.Select(r => r.ClientId).Distinct().ToList();
        var clients = await db.ClientApplications.AsNoTracking().Where(c => clientIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.Name, c.Currency), ct);
        var rows = new List<RequestBoardRow>(requests.Count);
        foreach (var request in requests) rows.Add(await RowAsync(db, request, clients[request.ClientId], ct));
        return rows;
    }

    /// <returns>The clients that have requests, by id: what the list can be filtered by.</returns>
    public async Task<IReadOnlyDictionary<int, string>> ClientsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ClientApplications.AsNoTracking().Where(c => db.TrainingRequests.Any(r => r.ClientId == c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    /// <returns>Null when there is no such request.</returns>
    public async Task<RequestDetail?> ReadAsync(int requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.TrainingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct) is not { } request) return null;
        var client = await db.ClientApplications.AsNoTracking().Where(c => c.Id == request.ClientId).Select(c => new { c.Name, c.Currency }).SingleAsync(ct);
        var row = await RowAsync(db, request, (client.Name, client.Currency), ct);
        return new(row, request.JobId is { } jobId ? await VersionsAsync(db, jobId, ct) : []);
    }

    private static async Task<RequestBoardRow> RowAsync(FedDbContext db, TrainingRequest request, (string Name, string Currency) client, CancellationToken ct)
    {
        var progress = await RequestProgress.OfAsync(db, request, ct);
        var spent = request.JobId is { } jobId ? await RequestSpend.OfJobAsync(db, jobId, ct) : 0m;
        return new(new(request, progress), client.Name, client.Currency, spent);
    }

    private static async Task<IReadOnlyList<RequestVersionPoint>> VersionsAsync(FedDbContext db, int jobId, CancellationToken ct) =>
        await db.ModelVersions.AsNoTracking()
            .Where(v => v.JobId == jobId && v.Number > 0 && v.TestAccuracy != null)
            .OrderBy(v => v.Number)
            .Select(v => new RequestVersionPoint(v.Id, v.Number!.Value, db.Rounds.Where(r => r.Id == v.RoundId).Select(r => (int?)r.Number).FirstOrDefault(),
                v.TestAccuracy!.Value, v.Status))
            .ToListAsync(ct);
}
