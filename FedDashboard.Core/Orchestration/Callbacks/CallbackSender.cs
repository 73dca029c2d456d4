using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Options;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>Makes one attempt at a delivery and says how it went; a failed attempt is an outcome, not an exception.</summary>
public sealed class CallbackSender(CallbackHttp http, IOptions<CallbackOptions> options, TimeProvider clock)
{
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled (the host stops): nothing to record.</exception>
    public async Task<CallbackAttempt> SendAsync(CallbackDelivery delivery, int number, CancellationToken ct)
    {
        var limit = options.Value.Timeout;
        var started = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        foreach (var (name, value) in CallbackHeaders.For(delivery, started)) request.Headers.Add(name, value);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var snippet = await ResponseSnippet.ReadAsync(response.Content, timeout.Token);
            var (failure, detail) = Judge(response);
            return Attempt((int)response.StatusCode, failure, detail, snippet);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Attempt(null, CallbackFailure.Timeout, $"No complete answer within {limit.TotalSeconds:0} s.", null);
        }
        catch (HttpRequestException e) when (Inner<ForbiddenCallbackAddressException>(e) is { } forbidden)
        {
            return Attempt(null, CallbackFailure.ForbiddenAddress, forbidden.Message, null);
        }
        catch (HttpRequestException e)
        {
            // The connector resolves names itself, so the handler reports its failure as a connection error.
            var failure = e.HttpRequestError == HttpRequestError.SecureConnectionError ? CallbackFailure.Tls
                : e.HttpRequestError == HttpRequestError.NameResolutionError || Inner<SocketException>(e)?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain
                    ? CallbackFailure.NameResolution
                    : CallbackFailure.Connection;
            return Attempt(null, failure, Innermost(e).Message, null);
        }

        CallbackAttempt Attempt(int? status, CallbackFailure? failure, string? detail, string? snippet) =>
            new(number, started, clock.GetUtcNow(), status, failure, detail, snippet);
    }

    private static (CallbackFailure?, string?) Judge(HttpResponseMessage response)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        if (response.IsSuccessStatusCode) return (null, null);
        if ((int)response.StatusCode is >= 300 and < 400)
            return (CallbackFailure.Redirect, $"Answered {status} to {response.Headers.Location?.ToString() ?? "nowhere"}; callbacks do not follow redirects.");
        return (CallbackFailure.Status, $"Answered {status}; only a 2xx status acknowledges a callback.");
    }

    private static T? Inner<T>(Exception e) where T : Exception
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is T found) return found;
        return null;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
