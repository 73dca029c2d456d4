namespace FedDashboard.Protocol;

/// <summary>
/// The stable codes a refusal carries (the problem document's <c>code</c>), each with its HTTP status. A terminal acts on
/// the code; the message says to a person what exactly was wrong.
/// </summary>
public static class ProtocolError
{
    public const string InvalidRequest = "invalid_request";
    public const string Unauthenticated = "unauthenticated";
    public const string CredentialRevoked = "credential_revoked";
    public const string EnrolmentCodeInvalid = "enrolment_code_invalid";
    public const string EnrolmentCodeExpired = "enrolment_code_expired";
    public const string EnrolmentCodeUsedUp = "enrolment_code_used_up";
    public const string UnknownAssignment = "unknown_assignment";
    public const string NotYourAssignment = "not_your_assignment";
    public const string AssignmentClosed = "assignment_closed";
    public const string RoundClosed = "round_closed";
    public const string AlreadyReported = "already_reported";
    public const string ModelNotAssigned = "model_not_assigned";
    public const string NoLighterModel = "no_lighter_model";
    public const string TooLarge = "too_large";
    public const string Truncated = "truncated";
    public const string HashMismatch = "hash_mismatch";
    public const string WrongShape = "wrong_shape";
    public const string NonFinite = "non_finite";
    public const string SamplesExceedData = "samples_exceed_data";
    public const string RateLimited = "rate_limited";

    public static int StatusOf(string code) => code switch
    {
        Unauthenticated or CredentialRevoked => 401,
        NotYourAssignment or ModelNotAssigned => 403,
        UnknownAssignment => 404,
        EnrolmentCodeExpired or EnrolmentCodeUsedUp or AssignmentClosed or RoundClosed or AlreadyReported or NoLighterModel => 409,
        TooLarge => 413,
        RateLimited => 429,
        _ => 400,
    };
}

/// <summary>A refusal by the edge: its stable <see cref="Code"/> (see <see cref="ProtocolError"/>) and what was wrong.</summary>
public sealed class TerminalProtocolException(string code, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public string Code { get; } = code;
    public int Status => ProtocolError.StatusOf(Code);

    /// <summary>Set with <see cref="ProtocolError.RateLimited"/>: when to try again.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
