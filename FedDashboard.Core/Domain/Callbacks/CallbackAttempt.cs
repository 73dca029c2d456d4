namespace FedDashboard.Core.Domain.Callbacks;

/// <summary>One try at delivering a callback, as the delivery's page lists it.</summary>
/// <param name="StatusCode">The receiver's HTTP status, or null when no answer came.</param>
/// <param name="Failure">Why it was not acknowledged, or null when it was.</param>
/// <param name="Detail">What happened in a sentence, e.g. "No answer within 10 s."; null when acknowledged.</param>
/// <param name="ResponseSnippet">The start of the receiver's answer, for the operator who asks why.</param>
public sealed record CallbackAttempt(
    int Number,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int? StatusCode,
    CallbackFailure? Failure,
    string? Detail,
    string? ResponseSnippet)
{
    public TimeSpan Duration => EndedAt - StartedAt;

    public CallbackOutcome Outcome => Failure switch
    {
        null => CallbackOutcome.Acknowledged,
        CallbackFailure.ForbiddenAddress => CallbackOutcome.Refused,
        _ => CallbackOutcome.Failed,
    };
}
