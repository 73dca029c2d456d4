using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using FedDashboard.Protocol;

namespace FedDashboard.Tests.Shared;

/// <summary>A terminal's calls over HTTP, made by hand so a test can also send them wrong.</summary>
public sealed class ProtocolClient(HttpClient http, string credential)
{
    public async Task<AssignmentInfo?> CurrentAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, TerminalRoutes.CurrentAssignment);
        return response.StatusCode == HttpStatusCode.NoContent ? null : await ReadAsync<AssignmentInfo>(response);
    }

    public async Task<DecisionReply> DecideAsync(int assignmentId, Decision decision)
    {
        using var response = await SendAsync(HttpMethod.Post, TerminalRoutes.Decision(assignmentId), JsonContent.Create(decision));
        return await ReadAsync<DecisionReply>(response);
    }

    public async Task<byte[]> DownloadAsync(string hash)
    {
        using var response = await SendAsync(HttpMethod.Get, TerminalRoutes.Model(hash));
        await EnsureSuccessAsync(response);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task<ProgressReply> ProgressAsync(int assignmentId, ProgressReport report)
    {
        using var response = await SendAsync(HttpMethod.Post, TerminalRoutes.Progress(assignmentId), JsonContent.Create(report));
        return await ReadAsync<ProgressReply>(response);
    }

    public async Task<LighterModelReply> LighterModelAsync(int assignmentId, string reason)
    {
        using var response = await SendAsync(HttpMethod.Post, TerminalRoutes.LighterModel(assignmentId), JsonContent.Create(new LighterModelRequest(reason)));
        return await ReadAsync<LighterModelReply>(response);
    }

    /// <param name="contentHash">Null: the body's true SHA-256.</param>
    public async Task<UploadReply> UploadAsync(int assignmentId, ResultMetadata metadata, HttpContent body, string? idempotencyKey, string? contentHash = null, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, TerminalRoutes.Result(assignmentId) + Query(metadata)) { Content = body };
        if (idempotencyKey is not null) request.Headers.Add(TerminalRoutes.IdempotencyKeyHeader, idempotencyKey);
        request.Headers.Add(TerminalRoutes.ContentHashHeader, contentHash ?? Sha256(await body.ReadAsByteArrayAsync()));
        request.Headers.ExpectContinue = expectContinue;
        using var response = await SendAsync(request);
        return await ReadAsync<UploadReply>(response);
    }

    public Task<UploadReply> UploadAsync(int assignmentId, ResultMetadata metadata, byte[] body, string? idempotencyKey, string? contentHash = null) =>
        UploadAsync(assignmentId, metadata, new ByteArrayContent(body), idempotencyKey, contentHash);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Query(ResultMetadata m) => string.Create(CultureInfo.InvariantCulture,
        $"?samples={m.Samples}&trainLoss={m.TrainLoss}&trainAccuracy={m.TrainAccuracy}&samplesPerSecond={m.SamplesPerSecond}&plannedSteps={m.PlannedSteps}&stepsDone={m.StepsDone}");

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null) =>
        SendAsync(new HttpRequestMessage(method, path) { Content = content });

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return http.SendAsync(request);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        await EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    /// <summary>A refusal becomes the <see cref="TerminalProtocolException"/> its problem document describes, code and all.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return;
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = problem.TryGetProperty("code", out var c) ? c.GetString()! : $"http_{(int)response.StatusCode}";
        Assert.Equal(ProtocolError.StatusOf(code), (int)response.StatusCode);
        throw new TerminalProtocolException(code, problem.TryGetProperty("detail", out var d) ? d.GetString()! : "");
    }
}
