namespace FedDashboard.Core.Domain.Callbacks;

/// <summary>
/// A callback to a client about one of its requests, as stored: its body is written once and sent as it is on every
/// attempt. The first delivery of an event has <see cref="EventKey"/> set, unique, so the event is delivered once
/// however often or wherever it is noticed; a re-send is a new delivery of the same body without one.
/// </summary>
public sealed class CallbackDeliveryRecord
{
    public const int MaxEventLength = 64;

    private CallbackDeliveryRecord() => Event = Url = Body = CreatedBy = "";

    public CallbackDeliveryRecord(int requestId, int clientId, string @event, Uri url, string body, string createdBy, DateTimeOffset createdAt,
        Guid? resendOf = null)
    {
        Id = Guid.NewGuid();
        RequestId = requestId;
        ClientId = clientId;
        Event = @event;
        Url = url.ToString();
        Body = body;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        ResendOf = resendOf;
        EventKey = resendOf is null ? $"request:{requestId}:{@event}" : null;
    }

    public Guid Id { get; private set; }
    public int RequestId { get; private set; }
    public int ClientId { get; private set; }

    /// <summary>What happened, e.g. "request.met".</summary>
    public string Event { get; private set; }

    public string? EventKey { get; private set; }
    public string Url { get; private set; }
    public string Body { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The delivery this one sends again; null for an event's first.</summary>
    public Guid? ResendOf { get; private set; }
}
