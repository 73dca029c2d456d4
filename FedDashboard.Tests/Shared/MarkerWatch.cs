using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using System.Collections.Concurrent;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// Where a test's marker events arrive: a node's live feed or a hub client signed in to a node. A marker is a
/// <see cref="JobChanged"/> of no job whose reason is unique, so nothing else a node publishes is mistaken for it.
/// </summary>
public sealed class MarkerWatch
{
    private const string Prefix = "marker-";
    private readonly ConcurrentQueue<string> _seen = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrivals = new();

    public static JobChanged NewMarker() => new(0, JobStatus.Running, $"{Prefix}{Guid.NewGuid():N}", DateTimeOffset.UtcNow);

    /// <summary>The caller disposes the subscription. Batches go out at once: the test waits for arrivals, not for a page's pace.</summary>
    public IDisposable Watch(LiveFeed feed) => feed.Subscribe(batch =>
    {
        foreach (var liveEvent in batch) Saw(liveEvent);
        return Task.CompletedTask;
    }, TimeSpan.Zero);

    /// <summary>A hub client on the node, signed in as its administrator; the caller disposes it.</summary>
    public async Task<HubConnection> WatchHubAsync(Uri node)
    {
        var (_, cookies) = await SignedInClient.SignInAsync(node, DashboardAccounts.AdminName);
        var connection = new HubConnectionBuilder().WithUrl(new Uri(node, LiveHub.Path), o => o.Cookies = cookies).Build();
        connection.On<JobChanged>(nameof(JobChanged), Saw);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>The limit guards a hung run; it measures nothing.</summary>
    public Task ArrivalOf(JobChanged marker) => Arrival(marker.Reason!).Task.WaitAsync(TimeSpan.FromSeconds(30));

    public int Count(JobChanged marker) => _seen.Count(reason => reason == marker.Reason);

    private void Saw(LiveEvent liveEvent)
    {
        if (liveEvent is not JobChanged { Reason: { } reason } || !reason.StartsWith(Prefix, StringComparison.Ordinal)) return;
        _seen.Enqueue(reason);
        Arrival(reason).TrySetResult();
    }

    private TaskCompletionSource Arrival(string reason) => _arrivals.GetOrAdd(reason, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
