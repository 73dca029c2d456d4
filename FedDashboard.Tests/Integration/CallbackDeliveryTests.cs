using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Delivery through Hangfire on PostgreSQL to a receiver on 127.0.0.1. The attempts are kept in
/// <see cref="InMemoryCallbackLog"/> until their table exists.
/// </summary>
public sealed class CallbackDeliveryTests : IAsyncLifetime
{
    private const string Body = """{"type":"request.met","requestId":42}""";
    private readonly InMemoryCallbackLog _log = new();
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: true, terminals: 2,
        settings: CallbackServices.ToLocalReceivers.With("Fed:Callbacks:RetryDelaysSeconds:0", "1").ToDictionary(),
        services: s => s.AddSingleton<ICallbackAttemptLog>(_log).AddCallbackDelivery());

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task SendAsync_ReceiverFailsOnce_RetriedUntilAcknowledgedWithTheSameId()
    {
        await using var receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(500, 200));
        var (id, secret) = Add(receiver.Url);

        await _host.Get<CallbackDeliverer>().SendAsync(id);

        var attempts = await AttemptsAsync(id, count: 2);
        Assert.Equal([(1, CallbackOutcome.Failed, 500), (2, CallbackOutcome.Acknowledged, 200)], attempts.Select(a => (a.Number, a.Outcome, a.StatusCode ?? 0)));
        Assert.Equal(2, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.All(receiver.Received, r => Assert.Equal(SignatureCheck.Valid, CallbackSignature.Verify(secret, r.Headers["webhook-id"],
            r.Headers["webhook-timestamp"], r.Headers["webhook-signature"], r.Body, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task SendAsync_AgainAfterAcknowledged_DeliversAgainAsTheNextAttempt()
    {
        await using var receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(200));
        var (id, _) = Add(receiver.Url);
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
        var (id, _) = Add(new Uri(receiver.Url.ToString().Replace("127.0.0.1", "169.254.169.254")));

        await _host.Get<CallbackDeliverer>().SendAsync(id);

        var attempt = Assert.Single(await AttemptsAsync(id, count: 1));
        Assert.Equal(CallbackOutcome.Refused, attempt.Outcome);
    }

    /// <summary>Hangfire may run a job twice: the second run of an attempt sends nothing.</summary>
    [Fact]
    public async Task AttemptAsync_SecondRunOfTheSameAttempt_SendsNothing()
    {
        await using var receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(200));
        var (id, _) = Add(receiver.Url);
        await _host.Get<CallbackDeliverer>().AttemptAsync(id, number: 1, retriesUsed: 0, CancellationToken.None);

        await _host.Get<CallbackDeliverer>().AttemptAsync(id, number: 1, retriesUsed: 0, CancellationToken.None);

        Assert.Single(_log.Attempts(id));
        Assert.Single(receiver.Received);
    }

    private (Guid Id, string Secret) Add(Uri url)
    {
        var secret = CallbackSignature.NewSecret();
        return (_log.Add(url, Body, "key_7", secret), secret);
    }

    private async Task<IReadOnlyList<CallbackAttempt>> AttemptsAsync(Guid id, int count) =>
        await Eventually.WaitForAsync(() => Task.FromResult(_log.Attempts(id) is { } a && a.Count >= count ? a : null),
            TimeSpan.FromSeconds(60), $"{count} callback attempts");
}
