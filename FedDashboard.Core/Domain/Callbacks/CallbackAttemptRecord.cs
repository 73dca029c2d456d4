namespace FedDashboard.Core.Domain.Callbacks;

/// <summary>One attempt of a delivery as stored; (delivery, number) is unique.</summary>
public sealed class CallbackAttemptRecord
{
    public const int MaxDetailLength = 500;

    private CallbackAttemptRecord() { }

    public CallbackAttemptRecord(Guid deliveryId, CallbackAttempt attempt)
    {
        DeliveryId = deliveryId;
        Number = attempt.Number;
        StartedAt = attempt.StartedAt;
        EndedAt = attempt.EndedAt;
        StatusCode = attempt.StatusCode;
        Failure = attempt.Failure;
        Detail = attempt.Detail is { Length: > MaxDetailLength } detail ? detail[..MaxDetailLength] : attempt.Detail;
        ResponseSnippet = attempt.ResponseSnippet;
    }

    public long Id { get; private set; }
    public Guid DeliveryId { get; private set; }
    public int Number { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset EndedAt { get; private set; }
    public int? StatusCode { get; private set; }
    public CallbackFailure? Failure { get; private set; }
    public string? Detail { get; private set; }
    public string? ResponseSnippet { get; private set; }

    public CallbackAttempt ToAttempt() => new(Number, StartedAt, EndedAt, StatusCode, Failure, Detail, ResponseSnippet);
}
