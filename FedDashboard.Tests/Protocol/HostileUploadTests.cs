using System.Globalization;
using System.Net.Sockets;
using System.Text;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Simulation;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Protocol;

/// <summary>
/// Hostile uploads over the real HTTP path, one per case: each is refused with its stable code, counted for the
/// terminal, changes nothing, and the round still completes with the honest results.
/// </summary>
public sealed class HostileUploadTests : IAsyncLifetime
{
    private WorkRound _round = null!;

    public async Task InitializeAsync() => _round = await WorkRound.StartAsync();

    public async Task DisposeAsync() => await _round.DisposeAsync();

    private RoundParticipant Target => _round.Target;
    private ProtocolClient Terminal => _round.Terminal;

    private async Task AssertRefusedAsync(string code, Func<Task> upload)
    {
        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(upload);
        Assert.Equal(code, refusal.Code);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        await AssertCountedAndNothingChangedAsync(code);
    }

    private async Task AssertCountedAndNothingChangedAsync(string code)
    {
        await using var db = _round.Server.Host.Db();
        var stored = await db.RoundParticipants.AsNoTracking().SingleAsync(p => p.Id == Target.Id);
        Assert.Equal(ParticipantStatus.Training, stored.Status);
        Assert.Null(stored.UploadKey);
        Assert.Null(stored.Result.UpdateHash);
        var counted = await db.TerminalRefusalCounts.AsNoTracking().SingleOrDefaultAsync(c => c.TerminalId == Target.TerminalId && c.Code == code);
        Assert.Equal(1, counted?.Count);
    }

    /// <summary>The refused terminal uploads honestly after all, the others train in process, and the round aggregates every result.</summary>
    private async Task AssertRoundCompletesWithHonestResultsAsync()
    {
        var reply = await Terminal.UploadAsync(Target.Id, _round.HonestMetadata, _round.Model, "honest");
        Assert.False(reply.Duplicate);
        await _round.CompleteAsync();
    }

    private byte[] Encoded(ParameterSet parameters)
    {
        using var stream = new MemoryStream();
        ParameterSetCodec.Write(stream, parameters);
        return stream.ToArray();
    }

    private ParameterSet Downloaded() => ParameterSetCodec.Read(new MemoryStream(_round.Model));

    [Fact]
    public async Task Upload_UnknownCredential_Unauthenticated()
    {
        var stranger = new ProtocolClient(_round.Http, TerminalSecrets.NewCredential());

        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(() => stranger.UploadAsync(Target.Id, _round.HonestMetadata, _round.Model, "k"));

        Assert.Equal(ProtocolError.Unauthenticated, refusal.Code);
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    [Fact]
    public async Task Upload_RevokedCredential_CredentialRevokedAndCounted()
    {
        var revoked = await _round.Server.Host.IssueAsync(Target.TerminalId);
        await using (var db = _round.Server.Host.Db())
        {
            var credential = await db.TerminalCredentials.SingleAsync(c => c.SecretHash == TerminalSecrets.Hash(revoked));
            credential.Revoke("olivia", "lost phone", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        await AssertRefusedAsync(ProtocolError.CredentialRevoked,
            () => new ProtocolClient(_round.Http, revoked).UploadAsync(Target.Id, _round.HonestMetadata, _round.Model, "k"));
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    [Fact]
    public async Task Upload_AnotherTerminalsAssignment_NotYourAssignment()
    {
        var other = _round.Others[0];

        await AssertRefusedAsync(ProtocolError.NotYourAssignment, () => Terminal.UploadAsync(other.Id, _round.HonestMetadata, _round.Model, "k"));
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    [Fact]
    public async Task Upload_UnknownAssignment_UnknownAssignment()
    {
        await AssertRefusedAsync(ProtocolError.UnknownAssignment, () => Terminal.UploadAsync(int.MaxValue, _round.HonestMetadata, _round.Model, "k"));
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    [Fact]
    public async Task Upload_WithoutIdempotencyKey_InvalidRequest()
    {
        await AssertRefusedAsync(ProtocolError.InvalidRequest, () => Terminal.UploadAsync(Target.Id, _round.HonestMetadata, _round.Model, idempotencyKey: null));
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    [Fact]
    public async Task Upload_SameKeyAgain_AnsweredAsDuplicateAndCountedOnce()
    {
        var first = await Terminal.UploadAsync(Target.Id, _round.HonestMetadata, _round.Model, "once");

        var again = await Terminal.UploadAsync(Target.Id, _round.HonestMetadata, _round.Model, "once");

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        await _round.CompleteAsync();
    }

    [Fact]
    public async Task Upload_ConcurrentRetriesOfOneUpload_AcceptedOnce()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Terminal.UploadAsync(Target.Id, _round.HonestMetadata, _round.Model, "retry")));

        Assert.Single(replies, r => !r.Duplicate);
        await using var db = _round.Server.Host.Db();
        var stored = await db.RoundParticipants.AsNoTracking().SingleAsync(p => p.Id == Target.Id);
        Assert.Equal(ParticipantStatus.Reported, stored.Status);
        Assert.Equal("retry", stored.UploadKey);
    }

    [Fact]
    public async Task Upload_ReplayWithAnotherKey_AlreadyReportedAndTheFirstResultStands()
    {
        await Terminal.UploadAsync(Target.Id, _round.HonestMetadata, _round.Model, "first");

        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(() => Terminal.UploadAsync(Target.Id, _round.HonestMetadata, _round.Model, "replay"));

        Assert.Equal(ProtocolError.AlreadyReported, refusal.Code);
        await using var db = _round.Server.Host.Db();
        Assert.Equal("first", (await db.RoundParticipants.AsNoTracking().SingleAsync(p => p.Id == Target.Id)).UploadKey);
    }

    [Fact]
    public async Task Upload_AfterTheRoundClosed_RoundClosed()
    {
        await _round.CompleteAsync(uploadTarget: false);

        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(() => Terminal.UploadAsync(Target.Id, _round.HonestMetadata, _round.Model, "late"));

        Assert.Equal(ProtocolError.RoundClosed, refusal.Code);
        await using var db = _round.Server.Host.Db();
        Assert.Null((await db.RoundParticipants.AsNoTracking().SingleAsync(p => p.Id == Target.Id)).Result.UpdateHash);
    }

    [Fact]
    public async Task Upload_WrongParameterShapes_WrongShape()
    {
        var model = Downloaded();
        var wrong = new ParameterSet(model.Arrays.Select((a, i) => i == 0 ? a with { Shape = [a.Shape[1], a.Shape[0]] } : a));

        await AssertRefusedAsync(ProtocolError.WrongShape, () => Terminal.UploadAsync(Target.Id, _round.HonestMetadata, Encoded(wrong), "k"));
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public async Task Upload_NonFiniteValues_NonFinite(float value)
    {
        var model = Downloaded();
        model.Arrays[0].Values[0] = value;

        await AssertRefusedAsync(ProtocolError.NonFinite, () => Terminal.UploadAsync(Target.Id, _round.HonestMetadata, Encoded(model), "k"));
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    [Fact]
    public async Task Upload_DeclaredLargerThanTheAssignedModel_TooLargeBeforeTheBodyIsSent()
    {
        var body = new ByteArrayContent([.. _round.Model, 0]);

        // With Expect: 100-continue the client sends the body only if the server reads it: a refusal before reading is seen.
        await AssertRefusedAsync(ProtocolError.TooLarge, () => Terminal.UploadAsync(Target.Id, _round.HonestMetadata, body, "k", contentHash: new string('0', 64), expectContinue: true));
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    [Fact]
    public async Task Upload_ChunkedBodyLargerThanTheAssignedModel_TooLarge()
    {
        var body = new StreamContent(new MemoryStream([.. _round.Model, .. new byte[1 << 20]]));
        body.Headers.ContentLength = null;
        var chunked = new ChunkedContent(body);

        await AssertRefusedAsync(ProtocolError.TooLarge, () => Terminal.UploadAsync(Target.Id, _round.HonestMetadata, chunked, "k", contentHash: new string('0', 64)));
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    [Fact]
    public async Task Upload_CutShort_Truncated()
    {
        var cut = _round.Model[..(_round.Model.Length / 2)];

        await AssertRefusedAsync(ProtocolError.Truncated, () => Terminal.UploadAsync(Target.Id, _round.HonestMetadata, cut, "k"));
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    [Fact]
    public async Task Upload_ConnectionCutBeforeTheDeclaredLength_NothingChanges()
    {
        // HttpClient will not send fewer bytes than it declares: the request is written by hand and the sending side closed.
        var credential = _round.Server.Host.Get<SimulatedCredentials>().For(Target.TerminalId)!;
        using var socket = new TcpClient();
        await socket.ConnectAsync(_round.Server.BaseAddress.Host, _round.Server.BaseAddress.Port);
        var stream = socket.GetStream();
        var m = _round.HonestMetadata;
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"PUT {TerminalRoutes.Result(Target.Id)}?samples={m.Samples}&trainLoss={m.TrainLoss}&trainAccuracy={m.TrainAccuracy}&samplesPerSecond={m.SamplesPerSecond}&plannedSteps={m.PlannedSteps}&stepsDone={m.StepsDone} HTTP/1.1\r\n" +
            $"Host: {_round.Server.BaseAddress.Authority}\r\nAuthorization: Bearer {credential}\r\n{TerminalRoutes.IdempotencyKeyHeader}: k\r\n" +
            $"{TerminalRoutes.ContentHashHeader}: {ProtocolClient.Sha256(_round.Model)}\r\nContent-Length: {_round.Model.Length}\r\n\r\n"));
        await stream.WriteAsync(head);
        await stream.WriteAsync(_round.Model.AsMemory(0, _round.Model.Length / 2));
        socket.Client.Shutdown(SocketShutdown.Send);

        // A sender that hangs up mid-body has ended its call: the edge may answer truncated, close, or reset.
        var answer = await ReadAnswerOrEmptyOnResetAsync(stream);

        if (answer.Length > 0) Assert.Contains($"\"code\":\"{ProtocolError.Truncated}\"", answer);
        await using (var db = _round.Server.Host.Db())
        {
            var stored = await db.RoundParticipants.AsNoTracking().SingleAsync(p => p.Id == Target.Id);
            Assert.Equal((ParticipantStatus.Training, null, null), (stored.Status, stored.UploadKey, stored.Result.UpdateHash));
        }
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    private static async Task<string> ReadAnswerOrEmptyOnResetAsync(Stream stream)
    {
        try
        {
            return await new StreamReader(stream).ReadToEndAsync();
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return "";
        }
    }

    [Fact]
    public async Task Upload_BodyChangedOnTheWay_HashMismatch()
    {
        var changed = (byte[])_round.Model.Clone();
        changed[^1] ^= 1;

        await AssertRefusedAsync(ProtocolError.HashMismatch,
            () => Terminal.UploadAsync(Target.Id, _round.HonestMetadata, changed, "k", contentHash: ProtocolClient.Sha256(_round.Model)));
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    [Fact]
    public async Task Upload_MoreSamplesThanTheTerminalsData_SamplesExceedData()
    {
        var claim = _round.HonestMetadata with { Samples = _round.DataSamples + 1 };

        await AssertRefusedAsync(ProtocolError.SamplesExceedData, () => Terminal.UploadAsync(Target.Id, claim, _round.Model, "k"));
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    [Theory]
    [InlineData(0, 0.5, 0.8, 10, 10)]
    [InlineData(100, -1, 0.8, 10, 10)]
    [InlineData(100, 0.5, 2, 10, 10)]
    [InlineData(100, 0.5, 0.8, 10, 11)]
    public async Task Upload_MetadataOutOfRange_InvalidRequest(int samples, double loss, double accuracy, int plannedSteps, int stepsDone)
    {
        var claim = new ResultMetadata(samples, loss, accuracy, 1000, plannedSteps, stepsDone);

        await AssertRefusedAsync(ProtocolError.InvalidRequest, () => Terminal.UploadAsync(Target.Id, claim, _round.Model, "k"));
        await AssertRoundCompletesWithHonestResultsAsync();
    }

    /// <summary>Sends its content with chunked transfer encoding (no Content-Length).</summary>
    private sealed class ChunkedContent(HttpContent inner) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
