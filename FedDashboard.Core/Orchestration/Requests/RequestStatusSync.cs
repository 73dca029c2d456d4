using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Orchestration.Delivery;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using System.Globalization;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>
/// Brings an open request's status up to date from its job: Met once an approved version meets the condition; Failed
/// on the deadline or once what is left of the request's maximum spend cannot pay one more round (its job is aborted
/// then; as the pass runs before each of the job's rounds, a round starts only while the budget can pay it, though the
/// estimate may miss the rewards' factors), or when the job ended otherwise — on the budget's rounds,
/// or for the reason the job gives. A job that ended while a version meeting the condition awaits an approver keeps the request
/// training (a job does not end on the target before an approval; see <see cref="JobTermination"/>).
/// </summary>
/// <remarks>
/// Polled rather than hooked into the places a job ends or a version is approved (aggregation, an approver's decision,
/// an abort): it runs before each round of a request's job, when a client reads a request, at the request's deadline,
/// and every minute for all open requests (<c>SyncTrainingRequestsJob</c>), so no path that ends a job or approves a version needs to know
/// that requests exist. Each pass is idempotent; a pass that loses a race to another writer leaves the change to the next.
/// A request with a callback URL gets its end's callback from the pass that ends it (<see cref="RequestCallbacks"/>).
/// </remarks>
public sealed class RequestStatusSync(
    IDbContextFactory<FedDbContext> dbFactory, JobControls controls, RequestCallbacks callbacks, HeldOutAccuracies heldOut, ILivePublisher live, TimeProvider clock)
{
    public async Task SyncOpenAsync(CancellationToken ct)
    {
        List<int> open;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            open = await db.TrainingRequests.Where(r => r.Status == TrainingRequestStatus.Training).Select(r => r.Id).ToListAsync(ct);
        }
        foreach (var id in open) await SyncAsync(id, ct);
    }

    public async Task SyncAsync(int requestId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.TrainingRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || request.Status != TrainingRequestStatus.Training || request.JobId is not { } jobId) return;
        var job = await db.TrainingJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        if (request.Condition.HeldOutSet is { } set)
            await heldOut.EvaluateAsync(jobId, HeldOutSets.Find(set) ?? throw new InvalidOperationException($"Request {requestId} names the held-out set {set}, which this server does not offer."), ct);
        var now = clock.GetUtcNow();
        var before = request.Status;

        if (await RequestVersions.MeetingAsync(db, request, jobId, ModelVersionStatus.Approved, ct) is { } met)
            request.Meet(await MetReasonAsync(db, request, met, ct), now);
        else if (now >= request.Deadline)
            request.Fail(RequestEndCondition.Deadline, Invariant($"The deadline {request.Deadline:yyyy-MM-dd HH:mm:ss} UTC passed before an approved version met the condition."), now);
        else if (await RequestSpend.OfJobAsync(db, jobId, ct) is var spent && await RequestRoundCost.EstimateAsync(db, job.Settings, ct) is var roundCost
                 && spent + roundCost > request.Budget.MaxSpend)
            request.Fail(RequestEndCondition.Budget, Invariant($"Its job's rewards came to {spent:0.####} of its maximum spend of {request.Budget.MaxSpend:0.####}, leaving too little for one more round ({roundCost:0.####}), without an approved version meeting the condition."), now);
        else if (job.Status is JobStatus.Completed or JobStatus.Aborted)
        {
            if (job.EndCondition == JobEndCondition.MaxRounds)
                request.Fail(RequestEndCondition.Budget, $"Its budget of {request.Budget.MaxRounds} rounds is used up without an approved version meeting the condition.", now);
            else if (await RequestVersions.MeetingAsync(db, request, jobId, ModelVersionStatus.PendingApproval, ct) is null)
                request.Fail(RequestEndCondition.JobEnded, $"Its job ended without an approved version meeting the condition: {job.EndReason}", now);
        }
        if (request.Status == before) return;

        db.Audit(Actor.System, AuditAction.TrainingRequestEnded, AuditSubject.TrainingRequest, request.Id, before.ToString(), request.Status.ToString(), now, request.EndReason);
        // In the commit that ends the request: the end is told exactly when it happened, whichever pass or node saw it.
        var callback = await callbacks.AddEndedAsync(db, request, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another pass ending the request at the same moment added the end's callback first (its unique event key).
            return;
        }
        if (callback is not null) callbacks.Send(callback);
        await live.PublishAsync(TrainingRequestChanged.Of(request, now));
        if (StopsItsJob(request) && job.Status is JobStatus.Running or JobStatus.Paused)
            await StopJobAsync(jobId, request, ct);
    }

    /// <summary>A job has no target of its own for a request met on a held-out set (see <see cref="TrainingRequests"/>), so nothing else would end it.</summary>
    private static bool StopsItsJob(TrainingRequest request) =>
        request.EndCondition is RequestEndCondition.Deadline or RequestEndCondition.Budget
        || (request.EndCondition is RequestEndCondition.Met && request.Condition.HeldOutSet is not null);

    private static async Task<string> MetReasonAsync(FedDbContext db, TrainingRequest request, ModelVersion met, CancellationToken ct)
    {
        var target = request.Condition.TargetAccuracy;
        if (request.Condition.HeldOutSet is not { } set)
            return Invariant($"{met.Label} of job {met.JobId}, approved, has test accuracy {met.TestAccuracy:P2}, meeting the target of {target:P2}.");
        var accuracy = await db.HeldOutEvaluations.Where(e => e.VersionId == met.Id && e.SetName == set).Select(e => e.Accuracy).SingleAsync(ct);
        return Invariant($"{met.Label} of job {met.JobId}, approved, has accuracy {accuracy:P2} on the held-out set {set}, meeting the target of {target:P2}.");
    }

    private async Task StopJobAsync(int jobId, TrainingRequest request, CancellationToken ct)
    {
        var client = await ClientNameAsync(request.ClientId, ct);
        try
        {
            await controls.AbortAsync(jobId, RequestActors.Client(client), ct);
        }
        catch (ConflictException)
        {
            // It ended meanwhile on its own.
        }
    }

    private async Task<string> ClientNameAsync(int clientId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ClientApplications.Where(c => c.Id == clientId).Select(c => c.Name).SingleAsync(ct);
    }


    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
