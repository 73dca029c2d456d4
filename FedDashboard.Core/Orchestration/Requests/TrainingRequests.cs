using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Requests.Allocation;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Globalization;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>
/// Client applications' training requests: submitted, read, listed and cancelled by the client that owns them. A request
/// runs as an ordinary job launched for it (<see cref="JobLauncher"/>, as <see cref="RequestActors.Client"/>), so its
/// rounds, versions, approvals and rewards are those of any job. Another client's request is reported as missing,
/// never as forbidden, so ids do not leak. Operators may also submit and cancel for a client from the dashboard; the
/// audit log names the operator then. Each change of a request's status is announced as <see cref="TrainingRequestChanged"/>.
/// </summary>
public sealed class TrainingRequests(
    IDbContextFactory<FedDbContext> dbFactory,
    JobLauncher launcher,
    JobControls controls,
    CallbackUrlCheck callbackUrls,
    RequestStatusSync sync,
    RequestAllocator allocator,
    IRequestDeadlines deadlines,
    ILivePublisher live,
    IOptions<DefaultJobOptions> defaults,
    IOptions<RequestOptions> options,
    TimeProvider clock)
{
    /// <summary>A deadline closer than this leaves no time for a round.</summary>
    public static readonly TimeSpan MinimumLead = TimeSpan.FromMinutes(1);

    /// <summary>The field of an operator's reason for cancelling a request.</summary>
    public const string ReasonField = "reason";

    public const int MaxReasonLength = 300;

    /// <summary>
    /// Accepts a request and launches its job; the same key with the same body again answers the request it made (and
    /// launches nothing).
    /// </summary>
    /// <exception cref="InvalidInputException">A field is missing or out of range, at its field; nothing is created.</exception>
    /// <exception cref="ConflictException">The key was used with another body, the client is suspended or would exceed its
    /// spending limit, or there is no fleet; nothing is created.</exception>
    public Task<TrainingRequestView> SubmitAsync(int clientId, string? idempotencyKey, TrainingRequestSubmission submission, CancellationToken ct = default) =>
        SubmitAsync(clientId, idempotencyKey, submission, submitter: null, ct);

    /// <summary>An operator submits a request on a client's behalf: it is the client's request, and its job runs as the client's, but the audit log names the operator.</summary>
    /// <exception cref="AccessDeniedException">The actor is no operator; the refusal is recorded and nothing else is created.</exception>
    /// <inheritdoc cref="SubmitAsync(int, string?, TrainingRequestSubmission, CancellationToken)" path="/exception"/>
    public async Task<TrainingRequestView> SubmitForClientAsync(Actor submitter, int clientId, string? idempotencyKey, TrainingRequestSubmission submission, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.DemandAsync(submitter, submitter.CanOperate, "submit training requests for clients without the operator role", AuditAction.TrainingRequestSubmitted,
                AuditSubject.Client, clientId, clock.GetUtcNow(), ct);
        }
        return await SubmitAsync(clientId, idempotencyKey, submission, submitter, ct);
    }

    /// <param name="submitter">The operator submitting for the client; null when the client submits itself.</param>
    private async Task<TrainingRequestView> SubmitAsync(int clientId, string? idempotencyKey, TrainingRequestSubmission submission, Actor? submitter, CancellationToken ct)
    {
        var key = CheckedKey(idempotencyKey);
        var order = TrainingRequestInput.Parse(submission);
        var hash = RequestBodyHash.Of(order, submission.CallbackUrl);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One submission per client at a time, so the idempotency and spending checks see what the one before left.
        var client = await db.LockClientAsync(clientId, ct) ?? throw new NotFoundException($"There is no client {clientId}.");
        if (await db.TrainingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.ClientId == clientId && r.IdempotencyKey == key, ct) is { } existing)
        {
            if (existing.BodyHash != hash)
                throw new ConflictException($"The idempotency key '{key}' was used for request {existing.Id} with a different body; send that request's body again, or use a new key for a new request.");
            return new(existing, await RequestProgress.OfAsync(db, existing, ct));
        }

        var now = clock.GetUtcNow();
        var settings = defaults.Value.Settings with
        {
            Model = order.Model, Partition = order.Data.Partition, CentralDataSamples = options.Value.CentralDataSamples,
        };
        var callback = await AcceptableAsync(db, client, order, settings, submission.CallbackUrl, now, ct);
        var request = new TrainingRequest(clientId, order with { CallbackUrl = callback }, key, hash, now);
        request.BeginAllocating();
        var actor = RequestActors.Client(client.Name);
        var job = await launcher.LaunchAsync(order.Name, settings, PolicyFor(order), actor, ct);
        try
        {
            request.RunsAs(job.Id);
            db.TrainingRequests.Add(request);
            await db.SaveChangesAsync(ct);
            db.Audit(submitter ?? actor, AuditAction.TrainingRequestSubmitted, AuditSubject.TrainingRequest, request.Id, null,
                new { Client = client.Name, request.Name, request.Model, request.Data, request.Condition, request.Deadline, request.Budget, request.CallbackUrl, request.Priority, request.IdempotencyKey, request.JobId }, now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            // The job was committed on its own; without its request nobody would stop it.
            await controls.AbortAsync(job.Id, actor, CancellationToken.None);
            throw;
        }
        deadlines.CheckAt(request.Id, request.Deadline);
        // The open requests changed: every one's share is decided again, this one's first decision included.
        await allocator.DecideAsync(ct);
        await live.PublishAsync(TrainingRequestChanged.Of(request, now));
        return new(request, RequestProgress.None);
    }

    /// <returns>Null when the client has no request of that id (none at all, or another client's).</returns>
    public async Task<TrainingRequestView?> ReadAsync(int clientId, int requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.TrainingRequests.AnyAsync(r => r.Id == requestId && r.ClientId == clientId, ct)) return null;
        await sync.SyncAsync(requestId, ct);
        var request = await db.TrainingRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, ct);
        return new(request, await RequestProgress.OfAsync(db, request, ct));
    }

    /// <returns>The client's requests, newest first.</returns>
    public async Task<IReadOnlyList<TrainingRequestView>> ListAsync(int clientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var training = await db.TrainingRequests.Where(r => r.ClientId == clientId && r.Status == TrainingRequestStatus.Training).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in training) await sync.SyncAsync(id, ct);
        var requests = await db.TrainingRequests.AsNoTracking().Where(r => r.ClientId == clientId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        var views = new List<TrainingRequestView>(requests.Count);
        foreach (var request in requests) views.Add(new(request, await RequestProgress.OfAsync(db, request, ct)));
        return views;
    }

    /// <summary>Ends an open request and aborts its job, so no terminal keeps training for it.</summary>
    /// <exception cref="NotFoundException">The client has no request of that id.</exception>
    /// <exception cref="ConflictException">The request has ended already (met, failed or cancelled).</exception>
    public async Task<TrainingRequestView> CancelAsync(int clientId, int requestId, CancellationToken ct = default)
    {
        string clientName;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.TrainingRequests.AnyAsync(r => r.Id == requestId && r.ClientId == clientId, ct)) throw Missing(requestId);
            clientName = await db.ClientApplications.Where(c => c.Id == clientId).Select(c => c.Name).SingleAsync(ct);
        }
        return await CancelAsync(requestId, RequestActors.Client(clientName), $"Cancelled by client {clientName}.", ct);
    }

    /// <summary>An operator cancels a client's request, for a reason the client reads in its end reason; the audit log names the operator.</summary>
    /// <exception cref="AccessDeniedException">The actor is no operator; the refusal is recorded and nothing else changes.</exception>
    /// <exception cref="InvalidInputException">No reason, or a longer one than <see cref="MaxReasonLength"/>.</exception>
    /// <inheritdoc cref="CancelAsync(int, int, CancellationToken)" path="/exception"/>
    public async Task<TrainingRequestView> CancelForClientAsync(Actor canceller, int requestId, string? reason, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.DemandAsync(canceller, canceller.CanOperate, $"cancel training request {requestId} without the operator role", AuditAction.TrainingRequestCancelled,
                AuditSubject.TrainingRequest, requestId, clock.GetUtcNow(), ct);
            if (!await db.TrainingRequests.AnyAsync(r => r.Id == requestId, ct)) throw Missing(requestId);
        }
        var text = TextInput.Required(reason, MaxReasonLength, ReasonField, "A cancellation's reason", "Say why the request is cancelled; its client reads the reason.");
        return await CancelAsync(requestId, canceller, $"Cancelled by {canceller.Name}: {text}", ct);
    }

    private async Task<TrainingRequestView> CancelAsync(int requestId, Actor actor, string reason, CancellationToken ct)
    {
        // A request met or past its deadline is not cancelled but reported as it is.
        await sync.SyncAsync(requestId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.TrainingRequests.SingleAsync(r => r.Id == requestId, ct);
        var now = clock.GetUtcNow();
        var before = request.Status;
        request.Cancel(reason, now);
        db.Audit(actor, AuditAction.TrainingRequestCancelled, AuditSubject.TrainingRequest, requestId, before.ToString(), request.Status.ToString(), now, reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"Training request {requestId} changed while it was being cancelled; read it and try again.");
        }
        await live.PublishAsync(TrainingRequestChanged.Of(request, now));
        if (request.JobId is { } jobId) await AbortIfRunningAsync(jobId, actor, ct);
        return new(request, await RequestProgress.OfAsync(db, request, ct));
    }

    private async Task AbortIfRunningAsync(int jobId, Actor actor, CancellationToken ct)
    {
        try
        {
            await controls.AbortAsync(jobId, actor, ct);
        }
        catch (ConflictException)
        {
            // It had ended already.
        }
    }

    private static NotFoundException Missing(int requestId) => new($"There is no training request {requestId}.");

    private static string CheckedKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
            throw new InvalidInputException($"A request needs an {RequestFields.IdempotencyKey} header: any text of up to {TrainingRequest.MaxIdempotencyKeyLength} characters, new for each new request.", RequestFields.IdempotencyKey);
        if (key.Length > TrainingRequest.MaxIdempotencyKeyLength)
            throw new InvalidInputException($"The {RequestFields.IdempotencyKey} has {key.Length} characters; at most {TrainingRequest.MaxIdempotencyKeyLength} are accepted.", RequestFields.IdempotencyKey);
        return key;
    }

    /// <summary>What depends on the client, the clock and the fleet; nothing is written.</summary>
    /// <returns>The callback URL, checked; null for none.</returns>
    private async Task<Uri?> AcceptableAsync(FedDbContext db, ClientApplication client, TrainingRequestOrder order, TrainingSettings settings,
        string? callbackUrl, DateTimeOffset now, CancellationToken ct)
    {
        if (client.IsSuspended) throw new ConflictException($"Client {client.Name} is suspended; it cannot submit requests until an administrator resumes it.");
        if (!client.Allows(order.Model))
            throw new InvalidInputException($"Client {client.Name} may not order the model {order.Model}; it may order {string.Join(", ", client.AllowedModels)}.", RequestFields.Model);
        if (order.Deadline < now + MinimumLead)
            throw new InvalidInputException(Invariant($"The deadline {order.Deadline:yyyy-MM-dd HH:mm:ss} UTC is {(order.Deadline <= now ? "in the past" : "too near")}; it must be at least {MinimumLead.TotalMinutes:0} minute after now ({now:yyyy-MM-dd HH:mm:ss} UTC)."), RequestFields.Deadline);
        if (order.Data.TerminalGroup is { } group)
        {
            var groups = (await db.EdgeServers.AsNoTracking().ToListAsync(ct)).SelectMany(e => e.Policy.Groups).Select(g => g.Name.Trim()).Distinct().Order().ToList();
            if (!groups.Contains(group, StringComparer.OrdinalIgnoreCase))
                throw new InvalidInputException(groups.Count == 0
                    ? $"There is no terminal group '{group}': no edge's policy names a group of terminals."
                    : $"There is no terminal group '{group}'; the edges' policies name {string.Join(", ", groups)}.", RequestFields.TerminalGroup);
        }
        var callback = string.IsNullOrWhiteSpace(callbackUrl) ? null : await callbackUrls.CheckAsync(callbackUrl, ct);

        var rewards = (await db.RewardPrograms.AsNoTracking().SingleAsync(ct)).Policy;
        if (rewards.Currency != client.Currency)
            throw new ConflictException($"Client {client.Name}'s spending is in {client.Currency}, but rewards are paid in {rewards.Currency}; an administrator must align them first.");
        var roundCost = await RequestRoundCost.EstimateAsync(db, settings, ct);
        if (order.Budget.MaxSpend < roundCost)
            throw new InvalidInputException(Invariant($"The maximum reward spend {order.Budget.MaxSpend} {client.Currency} is below one round's cost of {roundCost} {client.Currency}."), RequestFields.MaxSpend);

        var reserved = await db.TrainingRequests
            .Where(r => r.ClientId == client.Id && (r.Status == TrainingRequestStatus.Queued || r.Status == TrainingRequestStatus.Allocating || r.Status == TrainingRequestStatus.Training))
            .SumAsync(r => r.Budget.MaxSpend, ct);
        if (reserved + order.Budget.MaxSpend > client.SpendingLimit)
            throw new ConflictException(Invariant($"Client {client.Name}'s open requests may spend {reserved} {client.Currency} of its spending limit of {client.SpendingLimit} {client.Currency}; this request's {order.Budget.MaxSpend} {client.Currency} would exceed it."));
        return callback;
    }

    /// <summary>
    /// The default policy — versions need an approver; operators may propose auto-approve for the job as for any — ending
    /// on the request's target or after its rounds.
    /// </summary>
    /// <remarks>
    /// A job's own target is on the whole test set: a request met on a held-out set leaves it out, and its job is stopped
    /// when the request is met (<see cref="RequestStatusSync"/>).
    /// </remarks>
    private static JobPolicy PolicyFor(TrainingRequestOrder order) => JobPolicy.Default with
    {
        Termination = new()
        {
            MaxRounds = order.Budget.MaxRounds,
            TargetAccuracy = order.Condition.HeldOutSet is null ? order.Condition.TargetAccuracy : null,
        },
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
