using FedDashboard.Protocol;
using System.Net;

namespace FedDashboard.Agent;

/// <summary>
/// Calls the edge until it answers: a network failure, a server error or a rate limit is tried again after an exponential
/// backoff with jitter (0.5 s doubling to at most 10 s, each wait drawn from its upper half); a refusal with any other
/// code is the edge's answer and goes to the caller.
/// </summary>
internal sealed class Resilience(AgentLog log, TimeSpan? cap = null)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(0.5);
    private readonly TimeSpan _cap = cap ?? TimeSpan.FromSeconds(10);

    public async Task<T> CallAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(ct);
            }
            catch (Exception failure) when (!ct.IsCancellationRequested && IsTransient(failure))
            {
                var wait = failure is TerminalProtocolException { RetryAfter: { } retryAfter } ? Max(retryAfter, First) : Backoff(attempt);
                log.Say($"Could not {what}: {Describe(failure)} Trying again in {wait.TotalSeconds:0.0} s.");
                await Task.Delay(wait, ct);
            }
        }
    }

    public Task CallAsync(string what, Func<CancellationToken, Task> call, CancellationToken ct) =>
        CallAsync(what, async token =>
        {
            await call(token);
            return true;
        }, ct);

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: half the doubled delay plus a random share of the other half.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(First.TotalSeconds * Math.Pow(2, Math.Min(attempt, 30)), _cap.TotalSeconds);
        return TimeSpan.FromSeconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    public static bool IsTransient(Exception failure) => failure switch
    {
        TerminalProtocolException refusal => refusal.Code == ProtocolError.RateLimited,
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } status } => (int)status >= 500 || status == HttpStatusCode.RequestTimeout,
        // HttpClient's own timeout; the caller's cancellation is excluded by the filter.
        TaskCanceledException or IOException => true,
        _ => false,
    };

    private static string Describe(Exception failure) => failure switch
    {
        TerminalProtocolException refusal => $"the edge asks to slow down ({refusal.Message}).",
        HttpRequestException { StatusCode: { } status } => $"the edge answered {(int)status}.",
        TaskCanceledException => "the edge did not answer in time.",
        _ => $"{failure.GetBaseException().Message.TrimEnd('.')}.",
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
