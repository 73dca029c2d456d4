using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Core.Persistence;

public sealed class OptimisticRetryTests
{
    [Fact]
    public async Task RunAsync_LosesTwiceThenSaves_ThirdAttemptsAnswer()
    {
        var tried = 0;

        var answer = await OptimisticRetry.RunAsync(3, () => ++tried < 3 ? throw new DbUpdateConcurrencyException("lost") : Task.FromResult("saved"), () => "exhausted");

        Assert.Equal(("saved", 3), (answer, tried));
    }

    [Fact]
    public async Task RunAsync_LosesEveryAttempt_ExhaustedAfterTheLast()
    {
        var tried = 0;

        var answer = await OptimisticRetry.RunAsync<string>(3, () => { tried++; throw new DbUpdateConcurrencyException("lost"); }, () => "exhausted");

        Assert.Equal(("exhausted", 3), (answer, tried));
    }

    [Fact]
    public async Task RunAsync_OtherException_NotRetried()
    {
        var tried = 0;

        await Assert.ThrowsAsync<TimeoutException>(() => OptimisticRetry.RunAsync<string>(3, () => { tried++; throw new TimeoutException(); }, () => "exhausted"));

        Assert.Equal(1, tried);
    }
}
