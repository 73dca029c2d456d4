using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Sockets;

namespace FedDashboard.Tests.Core.Callbacks;

/// <summary>One attempt against a real receiver on 127.0.0.1.</summary>
public sealed class CallbackSenderTests
{
    private const string Body = """{"type":"request.met","requestId":42}""";

    [Fact]
    public async Task SendAsync_ReceiverAnswers204_AcknowledgedWithASignatureTheReceiverVerifies()
    {
        await using var receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(204));
        var delivery = Delivery(receiver.Url);

        var attempt = await SendAsync(CallbackServices.ToLocalReceivers, delivery);

        Assert.Equal((CallbackOutcome.Acknowledged, 204, 1), (attempt.Outcome, attempt.StatusCode, attempt.Number));
        var received = Assert.Single(receiver.Received);
        Assert.Equal((Body, "application/json", "key_7"), (received.Body, received.Headers["content-type"], received.Headers["fed-key-id"]));
        Assert.Equal(SignatureCheck.Valid, CallbackSignature.Verify(delivery.Secret, received.Headers["webhook-id"], received.Headers["webhook-timestamp"],
            received.Headers["webhook-signature"], received.Body, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task SendAsync_ReceiverAnswers500_FailedWithStatusAndTheStartOfItsAnswer()
    {
        await using var receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(500));

        var attempt = await SendAsync(CallbackServices.ToLocalReceivers, Delivery(receiver.Url));

        Assert.Equal((CallbackOutcome.Failed, CallbackFailure.Status, 500), (attempt.Outcome, attempt.Failure, attempt.StatusCode));
        Assert.Equal("Answered 500 Internal Server Error; only a 2xx status acknowledges a callback.", attempt.Detail);
        Assert.Equal("answer 0", attempt.ResponseSnippet);
    }

    [Fact]
    public async Task SendAsync_LongAnswer_KeepsOnlyItsStart()
    {
        await using var receiver = await CallbackReceiver.StartAsync((_, context) => context.Response.WriteAsync(new string('x', 200_000)));

        var attempt = await SendAsync(CallbackServices.ToLocalReceivers, Delivery(receiver.Url));

        Assert.Equal(new string('x', 500), attempt.ResponseSnippet);
    }

    [Fact]
    public async Task SendAsync_ReceiverNeverAnswers_TimeoutRecorded()
    {
        await using var receiver = await CallbackReceiver.StartAsync(async (_, context) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The sender gave up and closed the connection.
            }
        });

        var attempt = await SendAsync(CallbackServices.ToLocalReceivers.With("Fed:Callbacks:TimeoutSeconds", "1"), Delivery(receiver.Url));

        Assert.Equal((CallbackOutcome.Failed, CallbackFailure.Timeout, null), (attempt.Outcome, attempt.Failure, attempt.StatusCode));
        Assert.Equal("No complete answer within 1 s.", attempt.Detail);
    }

    [Fact]
    public async Task SendAsync_ReceiverRedirects_NotFollowed()
    {
        await using var receiver = await CallbackReceiver.StartAsync((_, context) =>
        {
            context.Response.Redirect("/elsewhere");
            return Task.CompletedTask;
        });

        var attempt = await SendAsync(CallbackServices.ToLocalReceivers, Delivery(receiver.Url));

        Assert.Equal((CallbackOutcome.Failed, CallbackFailure.Redirect, 302), (attempt.Outcome, attempt.Failure, attempt.StatusCode));
        Assert.Equal("/hooks/fed", Assert.Single(receiver.Received).Path);
        Assert.Equal("Answered 302 Found to /elsewhere; callbacks do not follow redirects.", attempt.Detail);
    }

    /// <summary>The guard at connect time: the name was not checked at submit (or resolved elsewhere then) and leads to loopback now.</summary>
    [Fact]
    public async Task SendAsync_NameResolvingToLoopbackWhereNotAllowed_RefusedWithoutConnecting()
    {
        await using var receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(204));
        var byName = new UriBuilder(receiver.Url) { Host = "localhost" }.Uri;

        var attempt = await SendAsync(new Dictionary<string, string?> { ["Fed:Callbacks:AllowHttp"] = "true" }, Delivery(byName));

        Assert.Equal((CallbackOutcome.Refused, CallbackFailure.ForbiddenAddress), (attempt.Outcome, attempt.Failure));
        Assert.Matches(@"^Not sent: localhost resolves to (127\.0\.0\.1|::1), a loopback address; callbacks go to public addresses only\.$", attempt.Detail);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task SendAsync_NothingListening_ConnectionFailure()
    {
        var attempt = await SendAsync(CallbackServices.ToLocalReceivers, Delivery(new Uri($"http://127.0.0.1:{ClosedPort()}/hooks/fed")));

        Assert.Equal((CallbackOutcome.Failed, CallbackFailure.Connection, null), (attempt.Outcome, attempt.Failure, attempt.StatusCode));
        Assert.Equal("Connection refused", attempt.Detail);
    }

    [Fact]
    public async Task SendAsync_HostThatDoesNotResolve_NameResolutionFailure()
    {
        var attempt = await SendAsync(CallbackServices.ToLocalReceivers, Delivery(new Uri("http://no-such-host.invalid/hooks/fed")));

        Assert.Equal((CallbackOutcome.Failed, CallbackFailure.NameResolution), (attempt.Outcome, attempt.Failure));
    }

    private static async Task<CallbackAttempt> SendAsync(IReadOnlyDictionary<string, string?> settings, CallbackDelivery delivery)
    {
        await using var services = CallbackServices.Build(settings);
        return await services.GetRequiredService<CallbackSender>().SendAsync(delivery, 1, CancellationToken.None);
    }

    private static CallbackDelivery Delivery(Uri url) => new(Guid.NewGuid(), url, Body, "key_7", CallbackSignature.NewSecret(), AttemptsMade: 0);

    /// <summary>A port nothing listens on: the system's pick, released at once.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
