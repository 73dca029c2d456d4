namespace FedDashboard.Tests.Shared;

/// <summary>Waits for state that background workers produce; the limit guards a hung run, it measures nothing.</summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan limit, string what) where T : class
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Gave up waiting for {what} after {limit.TotalSeconds:0} s.");
            await Task.Delay(200);
        }
    }
}
