using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Simulation;
using Microsoft.Extensions.Options;

namespace FedDashboard.Tests.Core.Simulation;

public sealed class TrainingSlotsTests
{
    [Fact]
    public async Task TakeAsync_AllSlotsTaken_WaitsUntilOneIsGivenBack()
    {
        using var slots = new TrainingSlots(Options.Create(new OrchestrationOptions { TrainingWorkers = 2 }));
        var first = await slots.TakeAsync(CancellationToken.None);
        using var second = await slots.TakeAsync(CancellationToken.None);

        var third = slots.TakeAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);

        first.Dispose();
        using var taken = await third;
    }

    [Fact]
    public async Task Dispose_Twice_GivesTheSlotBackOnce()
    {
        using var slots = new TrainingSlots(Options.Create(new OrchestrationOptions { TrainingWorkers = 1 }));
        var slot = await slots.TakeAsync(CancellationToken.None);
        slot.Dispose();
        slot.Dispose();

        using var again = await slots.TakeAsync(CancellationToken.None);
        Assert.False(slots.TakeAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task TakeAsync_Cancelled_ThrowsAndTakesNothing()
    {
        using var slots = new TrainingSlots(Options.Create(new OrchestrationOptions { TrainingWorkers = 1 }));
        using var held = await slots.TakeAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = slots.TakeAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
