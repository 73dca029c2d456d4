using FedDashboard.Api;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using System.Security.Cryptography;

namespace FedDashboard.Tests.Agent;

/// <summary>
/// The HTTP client against ASP.NET Core answering as the terminal endpoints do (Results.File with range processing and the
/// hash as ETag, [AsParameters] metadata, the refusal filter's problem documents), over a real loopback connection.
/// </summary>
public sealed class HttpTerminalChannelTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly byte[] _model = RandomNumberGenerator.GetBytes(100_000);
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private HttpTerminalChannel _channel = null!;
    private string? _lastRange;
    private (ResultMetadata Metadata, long? Length, string Key, string Hash, string? Authorization, string Agent, long Received)? _lastUpload;

    private string Hash => Convert.ToHexStringLower(SHA256.HashData(_model));

    public async Task InitializeAsync()
    {
        var path = _temp.File("model");
        await File.WriteAllBytesAsync(path, _model);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        var terminal = _app.MapGroup(TerminalRoutes.Base).AddEndpointFilter<TerminalRefusalFilter>();
        terminal.MapGet("/models/{hash}", (string hash, HttpContext http) =>
        {
            _lastRange = http.Request.Headers.Range.ToString();
            return Results.File(path, "application/octet-stream", entityTag: new EntityTagHeaderValue($"\"{hash}\""), enableRangeProcessing: true);
        });
        terminal.MapPut("/assignments/{id:int}/result", async (int id, [AsParameters] ResultMetadata metadata, HttpContext http) =>
        {
            var received = 0L;
            var buffer = new byte[8192];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer)) > 0) received += read;
            _lastUpload = (metadata, http.Request.ContentLength, http.Request.Headers[TerminalRoutes.IdempotencyKeyHeader].ToString(),
                http.Request.Headers[TerminalRoutes.ContentHashHeader].ToString(), http.Request.Headers.Authorization.ToString(),
                http.Request.Headers[TerminalRoutes.AgentVersionHeader].ToString(), received);
            return new UploadReply(false, $"assignment {id} counted");
        });
        terminal.MapPost("/heartbeat", HeartbeatReply (HeartbeatRequest _) =>
            throw new TerminalProtocolException(ProtocolError.RateLimited, "Terminal 7 made 41 calls in a second; 20 are allowed.", TimeSpan.FromSeconds(2.5)));
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First() + "/") };
        _channel = new HttpTerminalChannel(_http, "fed-agent/test");
    }

    [Fact]
    public async Task DownloadModelAsync_PartHeld_AsksForTheRestAndAppendsIt()
    {
        using var destination = new MemoryStream();
        destination.Write(_model, 0, 30_000);

        await _channel.DownloadModelAsync("fdt_x", Hash, destination, CancellationToken.None);

        Assert.Equal("bytes=30000-", _lastRange);
        Assert.Equal(_model, destination.ToArray());
    }

    [Fact]
    public async Task DownloadModelAsync_NothingHeld_GetsTheWhole()
    {
        using var destination = new MemoryStream();

        await _channel.DownloadModelAsync("fdt_x", Hash, destination, CancellationToken.None);

        Assert.Equal("", _lastRange);
        Assert.Equal(_model, destination.ToArray());
    }

    [Fact]
    public async Task DownloadModelAsync_AllHeld_KeepsIt()
    {
        using var destination = new MemoryStream(_model.ToArray());

        await _channel.DownloadModelAsync("fdt_x", Hash, destination, CancellationToken.None);

        Assert.Equal(_model, destination.ToArray());
    }

    [Fact]
    public async Task DownloadModelAsync_PartOfAnotherModel_StartsOver()
    {
        using var destination = new MemoryStream();
        destination.Write(_model, 0, 30_000);

        // The If-Range validator names another hash than the file's ETag: the server sends the whole file.
        await _channel.DownloadModelAsync("fdt_x", new string('0', 64), destination, CancellationToken.None);

        Assert.Equal(_model, destination.ToArray());
    }

    [Fact]
    public async Task UploadResultAsync_MetadataBindsAsTheEndpointReadsIt_WithLengthKeyHashAndCredential()
    {
        var metadata = new ResultMetadata(600, 0.125, 0.875, 1234.5, 60, 59);

        var reply = await _channel.UploadResultAsync("fdt_secret", 12, metadata, new MemoryStream(_model), "key-1", Hash, CancellationToken.None);

        Assert.Equal("assignment 12 counted", reply.Message);
        var upload = _lastUpload!.Value;
        Assert.Equal(metadata, upload.Metadata);
        Assert.Equal((_model.Length, _model.Length), (upload.Length, upload.Received));
        Assert.Equal(("key-1", Hash, "Bearer fdt_secret", "fed-agent/test"), (upload.Key, upload.Hash, upload.Authorization, upload.Agent));
    }

    [Fact]
    public async Task HeartbeatAsync_Refused_CodeMessageAndRetryAfter()
    {
        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(() =>
            _channel.HeartbeatAsync("fdt_x", new HeartbeatRequest(1, 2, 0.1, 100, 1, "app", 10, DateTimeOffset.UtcNow, false, "v"), CancellationToken.None));

        Assert.Equal(ProtocolError.RateLimited, refusal.Code);
        Assert.Contains("41 calls in a second", refusal.Message);
        Assert.Equal(TimeSpan.FromSeconds(3), refusal.RetryAfter);
    }

    [Fact]
    public async Task CurrentAssignmentAsync_NoRoute_HttpErrorWithTheStatus()
    {
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => _channel.CurrentAssignmentAsync("fdt_x", CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, failure.StatusCode);
    }

    [Fact]
    public void QueryOf_Metadata_OneCamelCaseParameterPerPropertyInvariantNumbers()
    {
        var query = HttpTerminalChannel.QueryOf(new ResultMetadata(600, 0.25, 0.5, 1234.5, 60, 59));

        Assert.Equal("?samples=600&trainLoss=0.25&trainAccuracy=0.5&samplesPerSecond=1234.5&plannedSteps=60&stepsDone=59", query);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _temp.Dispose();
    }
}
