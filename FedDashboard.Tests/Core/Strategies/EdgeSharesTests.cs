using FedDashboard.Core.Domain.Strategies;


namespace FedDashboard.Tests.Core.Strategies;

public sealed class EdgeSharesTests
{
    [Fact]
    public void Split_QuotasWithRemainders_LargestRemaindersGetTheSeatsLeft()
    {
        // 10 of 20 idle: quotas 5.5, 3, 1.5 -> floors 5, 3, 1 and one seat left for a .5 remainder.
        var shares = EdgeShares.Split(10, [11, 6, 3], new Random(1));

        Assert.Equal(10, shares.Sum());
        Assert.Equal(3, shares[1]);
        Assert.True(shares is [6, 3, 1] or [5, 3, 2]);
    }

    [Fact]
    public void Split_MoreWantedThanIdle_EveryIdleTerminal()
    {
        var shares = EdgeShares.Split(50, [4, 0, 2], new Random(1));

        Assert.Equal([4, 0, 2], shares);
    }

    [Fact]
    public void Split_ManySplits_NoShareAboveItsIdleCount()
    {
        var random = new Random(5);
        for (var run = 0; run < 500; run++)
        {
            int[] idle = [.. Enumerable.Range(0, 5).Select(_ => random.Next(0, 7))];
            var shares = EdgeShares.Split(random.Next(0, 40), idle, random);

            Assert.All(shares.Zip(idle), pair => Assert.InRange(pair.First, 0, pair.Second));
        }
    }

    [Fact]
    public void Split_SameSeed_SameShares()
    {
        var first = EdgeShares.Split(3, [1, 1, 1, 1, 1, 1], new Random(42));
        var second = EdgeShares.Split(3, [1, 1, 1, 1, 1, 1], new Random(42));

        Assert.Equal(first, second);
        Assert.Equal(3, first.Sum());
    }
}
