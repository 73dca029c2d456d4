using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Formats;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Delivery;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// A request's end delivered through the real services on PostgreSQL, rounds and deadline driven by hand: its callback
/// (one per end, signed with the client's secret) to a receiver on 127.0.0.1, and its model's files.
/// </summary>
public sealed class RequestDeliveryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private FedTestHost _host = null!;
    private ClientApplication _client = null!;
    private CallbackReceiver _receiver = null!;

    private RequestModels Models => _host.Get<RequestModels>();

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 10, clock: _clock, settings: CallbackServices.ToLocalReceivers.ToDictionary());
        _client = await _host.Get<ClientRegistry>().RegisterAsync(TestClients.Administrator, TestClients.Details());
        _receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(200));
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _host.DisposeAsync();
    }

    /// <summary>A request of the client with a callback to the receiver, one round trained, then its deadline passed.</summary>
    private async Task<TrainingRequest> FailedOnTheDeadlineAsync()
    {
        var submitted = await _host.Get<TrainingRequests>().SubmitAsync(_client.Id, "order-1",
            TestRequests.Submission(TestData.Now.AddHours(1), targetAccuracy: 0.99, callbackUrl: _receiver.Url.ToString()));
        await _host.RunRoundByHandAsync(submitted.Request.JobId!.Value);
        _clock.Advance(TimeSpan.FromHours(1));
        await _host.Get<RequestStatusSync>().SyncAsync(submitted.Request.Id, CancellationToken.None);
        await using var db = _host.Db();
        return await db.TrainingRequests.AsNoTracking().SingleAsync(r => r.Id == submitted.Request.Id);
    }

    private async Task<List<CallbackDeliveryRecord>> DeliveriesAsync()
    {
        await using var db = _host.Db();
        return await db.CallbackDeliveries.AsNoTracking().OrderBy(d => d.CreatedAt).ToListAsync();
    }

    [Fact]
    public async Task SyncAsync_DeadlinePassed_OneCallbackSayingSoSignedWithTheClientsSecret()
    {
        var request = await FailedOnTheDeadlineAsync();

        var delivery = Assert.Single(await DeliveriesAsync());
        await _host.Get<CallbackDeliverer>().AttemptAsync(delivery.Id, 1, 0, CancellationToken.None);

        Assert.Equal(RequestEndCondition.Deadline, request.EndCondition);
        var received = Assert.Single(_receiver.Received);
        var secret = (await _host.Get<SigningSecrets>().ShowAsync(TestClients.Administrator, _client.Id)).Secret;
        Assert.Equal(SignatureCheck.Valid, CallbackSignature.Verify(secret, received.Headers[CallbackHeaders.Id], received.Headers[CallbackHeaders.Timestamp],
            received.Headers[CallbackHeaders.Signature], received.Body, _clock.GetUtcNow()));
        var body = JsonDocument.Parse(received.Body).RootElement;
        var data = body.GetProperty("data");
        Assert.Equal(("request.failed", request.Id, "Failed", "Deadline", false),
            (body.GetProperty("type").GetString(), data.GetProperty("requestId").GetInt32(), data.GetProperty("status").GetString(),
                data.GetProperty("endCondition").GetString(), data.GetProperty("meetsCondition").GetBoolean()));
        Assert.Equal(("v1", $"/api/v1/training-requests/{request.Id}/model.onnx"),
            (data.GetProperty("version").GetProperty("label").GetString(), data.GetProperty("downloads").GetProperty("onnx").GetString()));
        Assert.Equal(CallbackOutcome.Acknowledged, Assert.Single(await StoredDeliveries.AttemptsAsync(_host, delivery.Id)).Outcome);
    }

    [Fact]
    public async Task SyncAsync_TwoPassesAtOnce_OneDelivery()
    {
        var submitted = await _host.Get<TrainingRequests>().SubmitAsync(_client.Id, "order-1",
            TestRequests.Submission(TestData.Now.AddHours(1), callbackUrl: _receiver.Url.ToString()));
        _clock.Advance(TimeSpan.FromHours(1));

        await Task.WhenAll(_host.Get<RequestStatusSync>().SyncAsync(submitted.Request.Id, CancellationToken.None),
            _host.Get<RequestStatusSync>().SyncAsync(submitted.Request.Id, CancellationToken.None));
        await _host.Get<RequestStatusSync>().SyncOpenAsync(CancellationToken.None);

        var delivery = Assert.Single(await DeliveriesAsync());
        Assert.Equal($"request:{submitted.Request.Id}:request.failed", delivery.EventKey);
    }

    [Fact]
    public async Task OnnxAsync_FailedRequest_BestModelSoFarRunsInOnnxRuntimeAtItsTorchSharpAccuracy()
    {
        var request = await FailedOnTheDeadlineAsync();

        var model = await Models.FindAsync(_client.Id, request.Id);
        var file = await Models.OnnxAsync(model);

        Assert.False(model.MeetsCondition);
        Assert.Equal("v1", model.Version.Label);
        var test = MnistLoader.LoadRawTest(TestEnvironment.MnistPath);
        var predictions = OnnxRuntimePredictions.Predict(file, test);
        var accuracy = (double)predictions.Zip(test.Labels).Count(p => p.First == p.Second) / test.Count;
        Assert.InRange(accuracy, model.Version.TestAccuracy!.Value - 0.001, model.Version.TestAccuracy!.Value + 0.001);
        await using var db = _host.Db();
        Assert.True(Assert.Single(await db.OnnxChecks.AsNoTracking().ToListAsync()).Passed);
    }

    [Fact]
    public async Task SafetensorsAsync_FailedRequest_TheVersionsWeights()
    {
        var request = await FailedOnTheDeadlineAsync();
        var model = await Models.FindAsync(clientId: null, request.Id);

        var content = Safetensors.Read(new MemoryStream(await Models.SafetensorsAsync(model)));

        Assert.Equal("false", content.Metadata["meets_condition"]);
        Assert.Equal(_host.Get<ModelBlobStore>().Get(model.Version.ModelHash).Arrays.Select(a => a.Values.Sum()),
            content.Parameters.Arrays.Select(a => a.Values.Sum()));
    }

    [Fact]
    public async Task FindAsync_AnotherClientsRequest_NotFound()
    {
        var request = await FailedOnTheDeadlineAsync();
        var other = await _host.Get<ClientRegistry>().RegisterAsync(TestClients.Administrator, TestClients.Details(name: "Other Corp"));

        var refusal = await Assert.ThrowsAsync<NotFoundException>(() => Models.FindAsync(other.Id, request.Id));

        Assert.Equal($"There is no training request {request.Id}.", refusal.Message);
    }

    [Fact]
    public async Task FindAsync_StillTraining_ConflictSayingThereIsNoModelYet()
    {
        var submitted = await _host.Get<TrainingRequests>().SubmitAsync(_client.Id, "order-1", TestRequests.Submission(TestData.Now.AddHours(1)));

        var refusal = await Assert.ThrowsAsync<ConflictException>(() => Models.FindAsync(_client.Id, submitted.Request.Id));

        Assert.Contains("there is no model yet", refusal.Message);
    }

    [Fact]
    public async Task ResendAsync_Operator_ASecondDeliveryOfTheSameBodyAudited()
    {
        await FailedOnTheDeadlineAsync();
        var first = Assert.Single(await DeliveriesAsync());

        var again = await _host.Get<RequestCallbacks>().ResendAsync(TestData.Operator, first.Id);

        var deliveries = await DeliveriesAsync();
        Assert.Equal(2, deliveries.Count);
        var second = deliveries.Single(d => d.Id == again);
        Assert.Equal((first.Body, first.Id, (string?)null, TestData.Operator.Name), (second.Body, second.ResendOf, second.EventKey, second.CreatedBy));
        Assert.Single(await _host.AuditAsync(AuditOutcome.Done), e => e.Action == AuditAction.CallbackResent && e.Actor == TestData.Operator.Name);
    }

    [Fact]
    public async Task ResendAsync_Viewer_RefusedAndNothingSent()
    {
        await FailedOnTheDeadlineAsync();
        var first = Assert.Single(await DeliveriesAsync());

        await Assert.ThrowsAsync<AccessDeniedException>(() => _host.Get<RequestCallbacks>().ResendAsync(Actor.User("vera", Roles.Viewer), first.Id));

        Assert.Single(await DeliveriesAsync());
    }

    [Fact]
    public async Task ShowAsync_Twice_TheSecondRefused()
    {
        var secrets = _host.Get<SigningSecrets>();
        var shown = await secrets.ShowAsync(TestClients.Administrator, _client.Id);

        await Assert.ThrowsAsync<ConflictException>(() => secrets.ShowAsync(TestClients.Administrator, _client.Id));

        Assert.StartsWith(CallbackSignature.SecretPrefix, shown.Secret);
        await using var db = _host.Db();
        var stored = Assert.Single(await db.ClientSigningSecrets.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(shown.Secret[CallbackSignature.SecretPrefix.Length..], stored.ProtectedSecret);
    }

    [Fact]
    public async Task RotateAsync_Shown_ANewCurrentSecretAndTheOldRetired()
    {
        var secrets = _host.Get<SigningSecrets>();
        var first = await secrets.ShowAsync(TestClients.Administrator, _client.Id);

        var second = await secrets.RotateAsync(TestClients.Administrator, _client.Id);

        Assert.NotEqual((first.KeyId, first.Secret), (second.KeyId, second.Secret));
        Assert.Equal((second.KeyId, second.Secret), await secrets.CurrentAsync(_client.Id));
        Assert.Single(await _host.AuditAsync(AuditOutcome.Done), e => e.Action == AuditAction.SigningSecretRotated);
    }

    [Fact]
    public async Task RotateAsync_Operator_RefusedAndAudited()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _host.Get<SigningSecrets>().RotateAsync(TestData.Operator, _client.Id));

        await using var db = _host.Db();
        Assert.Empty(await db.ClientSigningSecrets.ToListAsync());
    }
}
