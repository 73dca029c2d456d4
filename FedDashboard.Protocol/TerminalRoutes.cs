namespace FedDashboard.Protocol;

/// <summary>
/// The terminal protocol, version 1, over HTTP: its paths and headers. Every call but enrolment carries the terminal's
/// credential as <c>Authorization: Bearer &lt;credential&gt;</c>. Described for people in docs/terminal-protocol.md and for
/// tools in the OpenAPI document at <see cref="OpenApiDocument"/>.
/// </summary>
public static class TerminalRoutes
{
    public const string Version = "1";
    public const string Base = "/terminal/v1";
    public const string OpenApiDocument = "/openapi/terminal-v1.json";

    public const string Enrol = Base + "/enrol";
    public const string RotateCredential = Base + "/credential/rotate";
    public const string Heartbeat = Base + "/heartbeat";
    public const string Leave = Base + "/leave";

    /// <summary>GET: the terminal's open assignment, or 204 when there is none.</summary>
    public const string CurrentAssignment = Base + "/assignment";

    public static string Decision(int assignmentId) => $"{Base}/assignments/{assignmentId}/decision";
    public static string Progress(int assignmentId) => $"{Base}/assignments/{assignmentId}/progress";
    public static string LighterModel(int assignmentId) => $"{Base}/assignments/{assignmentId}/lighter-model";

    /// <summary>PUT: the trained weights as the body (application/octet-stream), the rest in the query.</summary>
    public static string Result(int assignmentId) => $"{Base}/assignments/{assignmentId}/result";

    /// <summary>GET: a model's encoded weights by content hash; supports Range and If-None-Match.</summary>
    public static string Model(string hash) => $"{Base}/models/{hash}";

    /// <summary>Makes an upload idempotent: the same key again is answered as the first time and counted once.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The SHA-256 (lowercase hex) of the upload's body; a body that hashes otherwise is refused.</summary>
    public const string ContentHashHeader = "X-Content-SHA256";

    public const string AgentVersionHeader = "X-Fed-Agent";
}
