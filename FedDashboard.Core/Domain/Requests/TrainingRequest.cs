using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Learning.Models;

namespace FedDashboard.Core.Domain.Requests;

/// <summary>
/// A client's order for a model: trained on its data until its condition is met, by its deadline, within its budget.
/// It runs as an ordinary training job (<see cref="JobId"/>): the job's rounds, versions, approvals and rewards are the
/// request's. Queued → Allocating → Training → Met or Failed; Cancelled from any open state.
/// </summary>
public sealed class TrainingRequest
{
    public const int MaxNameLength = 200;
    public const int MaxIdempotencyKeyLength = 100;
    public const int MaxEndReasonLength = 500;

    private TrainingRequest()
    {
        Name = IdempotencyKey = BodyHash = "";
        Data = new();
        Condition = new();
        Budget = new();
    }

    /// <param name="bodyHash">The SHA-256 of the canonical request body, in hex: a resubmission with the key must match it.</param>
    public TrainingRequest(int clientId, TrainingRequestOrder order, string idempotencyKey, string bodyHash, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(bodyHash);
        if (idempotencyKey.Length > MaxIdempotencyKeyLength) throw new ArgumentException($"An idempotency key has at most {MaxIdempotencyKeyLength} characters.", nameof(idempotencyKey));
        ClientId = clientId;
        Name = order.Name;
        Model = order.Model;
        Data = order.Data;
        Condition = order.Condition;
        Deadline = order.Deadline;
        Budget = order.Budget;
        CallbackUrl = order.CallbackUrl?.ToString();
        Priority = order.Priority;
        IdempotencyKey = idempotencyKey;
        BodyHash = bodyHash;
        CreatedAt = createdAt;
        Status = TrainingRequestStatus.Queued;
    }

    public int Id { get; private set; }
    public int ClientId { get; private set; }
    public string Name { get; private set; }
    public ModelArchitecture Model { get; private set; }
    public RequestData Data { get; private set; }
    public RequestCondition Condition { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    public RequestBudget Budget { get; private set; }
    public string? CallbackUrl { get; private set; }
    public RequestPriority Priority { get; private set; }
    public string IdempotencyKey { get; private set; }
    public string BodyHash { get; private set; }
    public TrainingRequestStatus Status { get; private set; }
    public RequestEndCondition? EndCondition { get; private set; }
    public string? EndReason { get; private set; }

    /// <summary>The job the request runs as; null until it is launched.</summary>
    public int? JobId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsOpen => Status is TrainingRequestStatus.Queued or TrainingRequestStatus.Allocating or TrainingRequestStatus.Training;

    public void BeginAllocating()
    {
        if (Status != TrainingRequestStatus.Queued) throw new ConflictException($"Only a queued request is allocated; request {Id} is {Status}.");
        Status = TrainingRequestStatus.Allocating;
    }

    /// <summary>Its job was launched and trains it from now on.</summary>
    public void RunsAs(int jobId)
    {
        if (Status != TrainingRequestStatus.Allocating) throw new ConflictException($"Only a request being allocated starts training; request {Id} is {Status}.");
        JobId = jobId;
        Status = TrainingRequestStatus.Training;
    }

    public void Meet(string reason, DateTimeOffset at)
    {
        if (Status != TrainingRequestStatus.Training) throw new ConflictException($"Only a training request can meet its condition; request {Id} is {Status}.");
        End(TrainingRequestStatus.Met, RequestEndCondition.Met, reason, at);
    }

    /// <param name="condition">Deadline, Budget or JobEnded.</param>
    public void Fail(RequestEndCondition condition, string reason, DateTimeOffset at)
    {
        if (condition is RequestEndCondition.Met or RequestEndCondition.Cancelled)
            throw new ArgumentException($"A request fails on its deadline, its budget or its job's end, not {condition}.", nameof(condition));
        if (!IsOpen) throw new ConflictException($"Request {Id} has already ended ({Status}).");
        End(TrainingRequestStatus.Failed, condition, reason, at);
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        if (!IsOpen) throw new ConflictException($"Request {Id} has already ended ({Status}); only an open request can be cancelled.");
        End(TrainingRequestStatus.Cancelled, RequestEndCondition.Cancelled, reason, at);
    }

    private void End(TrainingRequestStatus status, RequestEndCondition condition, string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Status = status;
        EndCondition = condition;
        EndReason = reason.Length > MaxEndReasonLength ? reason[..MaxEndReasonLength] : reason;
        EndedAt = at;
    }
}
