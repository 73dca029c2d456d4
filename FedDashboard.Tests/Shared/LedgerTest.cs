namespace FedDashboard.Tests.Shared;

/// <summary>A test on a database of its own that holds <see cref="LedgerArrangement"/>'s hand-written ledger.</summary>
public abstract class LedgerTest : IAsyncLifetime
{
    protected FedTestHost Host { get; private set; } = null!;
    protected LedgerArrangement Ledger { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await FedTestHost.StartAsync(runWorkers: false);
        Ledger = await LedgerArrangement.CreateAsync(Host.ConnectionString);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
