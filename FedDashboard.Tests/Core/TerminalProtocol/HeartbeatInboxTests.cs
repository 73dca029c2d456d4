using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.TerminalProtocol;

public sealed class HeartbeatInboxTests
{
    private static Heartbeat Beat(int terminalId, double load = 0.1) =>
        new(terminalId, 0, 0, EdgeId: null, load, Battery: 0.9, FreeMemoryMb: 1024, WantsWork: false, App: "camera", DataSamples: 500, TestData.Now,
            AgentVersion: "test", OnlineUntil: TestData.Now.AddSeconds(10));

    [Fact]
    public void Take_MoreWaitingThanTaken_TakesThatManyAndTheRestWaitForTheNext()
    {
        var inbox = new HeartbeatInbox();
        for (var id = 1; id <= 5; id++) inbox.Put(Beat(id));

        var first = inbox.Take(2);
        var rest = inbox.Take(10);

        Assert.Equal(2, first.Count);
        Assert.Equal([1, 2, 3, 4, 5], first.Concat(rest).Select(h => h.TerminalId).Order());
        Assert.True(inbox.IsEmpty);
    }

    [Fact]
    public void Take_TerminalsKeepHeartbeatingThroughABacklog_LongestWaitingTakenFirst()
    {
        var inbox = new HeartbeatInbox();
        for (var id = 100; id >= 1; id--) inbox.Put(Beat(id));
        inbox.Take(10);
        for (var id = 100; id >= 1; id--) inbox.Put(Beat(id, load: 0.5));

        Assert.Equal(Enumerable.Range(81, 10).Reverse(), inbox.Take(10).Select(h => h.TerminalId));
    }

    [Fact]
    public void Put_SecondHeartbeatOfATerminal_OnlyTheLatestWaits()
    {
        var inbox = new HeartbeatInbox();
        inbox.Put(Beat(1, load: 0.1));
        inbox.Put(Beat(1, load: 0.7));

        Assert.Equal([1], inbox.Waiting());
        Assert.Equal(0.7, Assert.Single(inbox.Take(10)).CpuLoad);
    }

    [Fact]
    public void Take_NoneAsked_Refused() => Assert.Throws<ArgumentOutOfRangeException>(() => new HeartbeatInbox().Take(0));
}
