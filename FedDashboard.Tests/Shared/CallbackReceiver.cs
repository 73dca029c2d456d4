using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Net;

namespace FedDashboard.Tests.Shared;

/// <summary>A client's callback endpoint: Kestrel on 127.0.0.1, keeping every request it gets and answering as the test says.</summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedCallback> _received = new();

    private CallbackReceiver(WebApplication app) => _app = app;

    public Uri Url => new(new Uri(_app.Urls.First()), "/hooks/fed");

    public IReadOnlyList<ReceivedCallback> Received => [.. _received];

    /// <param name="answer">Answers the n-th request (from 0) after it was kept.</param>
    public static async Task<CallbackReceiver> StartAsync(Func<int, HttpContext, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new CallbackReceiver(app);
        var count = -1;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver._received.Enqueue(new ReceivedCallback(context.Request.Path, context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body));
            await answer(Interlocked.Increment(ref count), context);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Answers the n-th request with the n-th status, and every later one with the last.</summary>
    public static Func<int, HttpContext, Task> Statuses(params int[] statuses) => (n, context) =>
    {
        context.Response.StatusCode = statuses[Math.Min(n, statuses.Length - 1)];
        return context.Response.WriteAsync($"answer {n}");
    };

    public async ValueTask DisposeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(patience.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the receiver got it; header names in lower case.</summary>
public sealed record ReceivedCallback(string Path, IReadOnlyDictionary<string, string> Headers, string Body);
