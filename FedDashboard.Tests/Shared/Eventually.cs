namespace FedDashboard.Tests.Shared;

/// <summary>Waits for state that background workers produce; the limit guards a hung run, it measures nothing.</summary>
public static class Eventually
{
    /// <param name="explain">What to add to the message of a wait that gave up, e.g. the state of the rounds.</param>
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan limit, string what, Func<Task<string>>? explain = null) where T : class
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Gave up waiting for {what} after {limit.TotalSeconds:0} s." + (explain is null ? "" : "\n" + await explain()));
            await Task.Delay(200);
        }
    }
}
