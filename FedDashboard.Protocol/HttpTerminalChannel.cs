using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FedDashboard.Protocol;

/// <summary>
/// Protocol v1 over HTTP: the terminal's side of <see cref="TerminalRoutes"/>. Every call carries the credential as a bearer
/// token and the agent's version; a problem document with a <c>code</c> becomes <see cref="TerminalProtocolException"/>,
/// any other failure an <see cref="HttpRequestException"/> with the status (null when the network failed).
/// </summary>
/// <param name="http">Its <see cref="HttpClient.BaseAddress"/> is the edge's URL; the caller owns and disposes it. Thread-safe.</param>
public sealed class HttpTerminalChannel(HttpClient http, string agentVersion) : ITerminalChannel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<Enrolled> EnrolAsync(EnrolRequest request, CancellationToken ct) =>
        SendAsync<Enrolled>(HttpMethod.Post, TerminalRoutes.Enrol, null, JsonContent.Create(request, options: Json), ct);

    public Task<Rotated> RotateCredentialAsync(string credential, CancellationToken ct) =>
        SendAsync<Rotated>(HttpMethod.Post, TerminalRoutes.RotateCredential, credential, null, ct);

    public Task<HeartbeatReply> HeartbeatAsync(string credential, HeartbeatRequest request, CancellationToken ct) =>
        SendAsync<HeartbeatReply>(HttpMethod.Post, TerminalRoutes.Heartbeat, credential, JsonContent.Create(request, options: Json), ct);

    public async Task<AssignmentInfo?> CurrentAssignmentAsync(string credential, CancellationToken ct)
    {
        using var response = await SendAsync(Request(HttpMethod.Get, TerminalRoutes.CurrentAssignment, credential, null), ct);
        return response.StatusCode == HttpStatusCode.NoContent ? null : await ReadAsync<AssignmentInfo>(response, ct);
    }

    public Task<DecisionReply> DecideAsync(string credential, int assignmentId, Decision decision, CancellationToken ct) =>
        SendAsync<DecisionReply>(HttpMethod.Post, TerminalRoutes.Decision(assignmentId), credential, JsonContent.Create(decision, options: Json), ct);

    public async Task DownloadModelAsync(string credential, string hash, Stream destination, CancellationToken ct)
    {
        var request = Request(HttpMethod.Get, TerminalRoutes.Model(hash), credential, null);
        var resumeFrom = destination.Length;
        if (resumeFrom > 0)
        {
            request.Headers.Range = new RangeHeaderValue(resumeFrom, null);
            // Another model under the same name would be answered whole rather than patched onto the part we hold.
            request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue($"\"{hash}\""));
        }
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        // Asked for the bytes after the end: the part we hold is the whole model already.
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && resumeFrom > 0) return;
        await EnsureSuccessAsync(response, ct);
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            destination.Seek(0, SeekOrigin.End);
        }
        else
        {
            destination.SetLength(0);
        }
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await body.CopyToAsync(destination, ct);
    }

    public Task<ProgressReply> ReportProgressAsync(string credential, int assignmentId, ProgressReport report, CancellationToken ct) =>
        SendAsync<ProgressReply>(HttpMethod.Post, TerminalRoutes.Progress(assignmentId), credential, JsonContent.Create(report, options: Json), ct);

    public Task<LighterModelReply> RequestLighterModelAsync(string credential, int assignmentId, LighterModelRequest request, CancellationToken ct) =>
        SendAsync<LighterModelReply>(HttpMethod.Post, TerminalRoutes.LighterModel(assignmentId), credential, JsonContent.Create(request, options: Json), ct);

    public Task<UploadReply> UploadResultAsync(
        string credential, int assignmentId, ResultMetadata metadata, Stream weights, string idempotencyKey, string contentHash, CancellationToken ct)
    {
        var body = new StreamContent(weights);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (weights.CanSeek) body.Headers.ContentLength = weights.Length - weights.Position;
        var request = Request(HttpMethod.Put, TerminalRoutes.Result(assignmentId) + QueryOf(metadata), credential, body);
        request.Headers.Add(TerminalRoutes.IdempotencyKeyHeader, idempotencyKey);
        request.Headers.Add(TerminalRoutes.ContentHashHeader, contentHash);
        return SendAsync<UploadReply>(request, ct);
    }

    public async Task LeaveAsync(string credential, CancellationToken ct)
    {
        using var _ = await SendAsync(Request(HttpMethod.Post, TerminalRoutes.Leave, credential, null), ct);
    }

    /// <summary>The metadata as the endpoint binds it: one query parameter per property, camelCase, invariant numbers.</summary>
    public static string QueryOf(ResultMetadata metadata)
    {
        var fields = new (string Name, IFormattable Value)[]
        {
            (nameof(ResultMetadata.Samples), metadata.Samples),
            (nameof(ResultMetadata.TrainLoss), metadata.TrainLoss),
            (nameof(ResultMetadata.TrainAccuracy), metadata.TrainAccuracy),
            (nameof(ResultMetadata.SamplesPerSecond), metadata.SamplesPerSecond),
            (nameof(ResultMetadata.PlannedSteps), metadata.PlannedSteps),
            (nameof(ResultMetadata.StepsDone), metadata.StepsDone),
        };
        return "?" + string.Join('&', fields.Select(field =>
            $"{JsonNamingPolicy.CamelCase.ConvertName(field.Name)}={Uri.EscapeDataString(field.Value.ToString(null, CultureInfo.InvariantCulture))}"));
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? credential, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = content };
        if (credential is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        request.Headers.Add(TerminalRoutes.AgentVersionHeader, agentVersion);
        return request;
    }

    private Task<T> SendAsync<T>(HttpMethod method, string path, string? credential, HttpContent? content, CancellationToken ct) =>
        SendAsync<T>(Request(method, path, credential, content), ct);

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await SendAsync(request, ct);
        return await ReadAsync<T>(response, ct);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            var response = await http.SendAsync(request, ct);
            try
            {
                await EnsureSuccessAsync(response, ct);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) =>
        await response.Content.ReadFromJsonAsync<T>(Json, ct)
        ?? throw new HttpRequestException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} with an empty body.", null, response.StatusCode);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var problem = await ProblemOfAsync(response, ct);
        if (problem?.Code is { Length: > 0 } code)
            throw new TerminalProtocolException(code, problem.Detail ?? problem.Title ?? code, RetryAfterOf(response));
        throw new HttpRequestException(
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
    }

    private static async Task<Problem?> ProblemOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json")) return null;
        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(Json, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private sealed record Problem(string? Code, string? Title, string? Detail);
}
