using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Integration;

/// <summary>Delivery through Hangfire on PostgreSQL to a receiver on 127.0.0.1, the attempts kept in their table.</summary>
public sealed class CallbackDeliveryTests : IAsyncLifetime
{
    private const string Body = """{"type":"request.met","requestId":42}""";
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: true, terminals: 2,
        settings: CallbackServices.ToLocalReceivers.With("Fed:Callbacks:RetryDelaysSeconds:0", "1").With("Fed:Callbacks:RetryDelaysSeconds:1", "1").ToDictionary());

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task SendAsync_ReceiverFailsOnce_RetriedUntilAcknowledgedWithTheSameId()
    {
        await using var receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(500, 200));
        var (id, secret) = await AddAsync(receiver.Url);

        await _host.Get<CallbackDeliverer>().SendAsync(id);

        var attempts = await AttemptsAsync(id, count: 2);
        Assert.Equal([(1, CallbackOutcome.Failed, 500), (2, CallbackOutcome.Acknowledged, 200)], attempts.Select(a => (a.Number, a.Outcome, a.StatusCode ?? 0)));
        Assert.Equal(2, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.All(receiver.Received, r => Assert.Equal(SignatureCheck.Valid, CallbackSignature.Verify(secret, r.Headers["webhook-id"],
            r.Headers["webhook-timestamp"], r.Headers["webhook-signature"], r.Body, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task SendAsync_ReceiverFailsTwice_ThreeAttemptsRecorded()
    {
        await using var receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(500, 500, 200));
        var (id, _) = await AddAsync(receiver.Url);

        await _host.Get<CallbackDeliverer>().SendAsync(id);

        var attempts = await AttemptsAsync(id, count: 3);
        Assert.Equal([(1, 500), (2, 500), (3, 200)], attempts.Select(a => (a.Number, a.StatusCode ?? 0)));
        Assert.Equal(CallbackOutcome.Acknowledged, attempts[^1].Outcome);
    }

    [Fact]
    public async Task RecordAsync_SameNumberTwice_FalseAndRecordedOnce()
    {
        var (id, _) = await AddAsync(new Uri("http://127.0.0.1:9/hooks"));
        var attempt = new CallbackAttempt(1, TestData.Now, TestData.Now.AddSeconds(1), 500, CallbackFailure.Status, "Answered 500.", null);
        var log = _host.Get<ICallbackAttemptLog>();

        Assert.True(await log.RecordAsync(id, attempt, CancellationToken.None));
        Assert.False(await log.RecordAsync(id, attempt with { StatusCode = 502 }, CancellationToken.None));

        Assert.Equal(500, Assert.Single(await StoredDeliveries.AttemptsAsync(_host, id)).StatusCode);
    }

    [Fact]
    public async Task SendAsync_AgainAfterAcknowledged_DeliversAgainAsTheNextAttempt()
    {
        await using var receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(200));
        var (id, _) = await AddAsync(receiver.Url);
        await _host.Get<CallbackDeliverer>().SendAsync(id);
        await AttemptsAsync(id, count: 1);

        await _host.Get<CallbackDeliverer>().SendAsync(id);

        var attempts = await AttemptsAsync(id, count: 2);
        Assert.Equal([(1, CallbackOutcome.Acknowledged), (2, CallbackOutcome.Acknowledged)], attempts.Select(a => (a.Number, a.Outcome)));
        Assert.Single(receiver.Received.Select(r => r.Headers["webhook-id"]).Distinct());
    }

    [Fact]
    public async Task SendAsync_RefusedAddress_RecordedAndNotRetried()
    {
        await using var receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(200));
        var (id, _) = await AddAsync(new Uri(receiver.Url.ToString().Replace("127.0.0.1", "169.254.169.254")));

        await _host.Get<CallbackDeliverer>().SendAsync(id);

        var attempt = Assert.Single(await AttemptsAsync(id, count: 1));
        Assert.Equal(CallbackOutcome.Refused, attempt.Outcome);
    }

    /// <summary>Hangfire may run a job twice: the second run of an attempt sends nothing.</summary>
    [Fact]
    public async Task AttemptAsync_SecondRunOfTheSameAttempt_SendsNothing()
    {
        await using var receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(200));
        var (id, _) = await AddAsync(receiver.Url);
        await _host.Get<CallbackDeliverer>().AttemptAsync(id, number: 1, retriesUsed: 0, CancellationToken.None);

        await _host.Get<CallbackDeliverer>().AttemptAsync(id, number: 1, retriesUsed: 0, CancellationToken.None);

        Assert.Single(await StoredDeliveries.AttemptsAsync(_host, id));
        Assert.Single(receiver.Received);
    }

    private Task<(Guid Id, string Secret)> AddAsync(Uri url) => StoredDeliveries.AddAsync(_host, url, Body);

    private async Task<IReadOnlyList<CallbackAttempt>> AttemptsAsync(Guid id, int count) =>
        await Eventually.WaitForAsync(async () => await StoredDeliveries.AttemptsAsync(_host, id) is { } a && a.Count >= count ? a : null,
            TimeSpan.FromSeconds(60), $"{count} callback attempts");
}
