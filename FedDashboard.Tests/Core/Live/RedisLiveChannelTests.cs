using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Topology.Coverage;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting.Live;
using FedDashboard.Core.Orchestration.Live;
using System.Text;
using System.Text.Json;

namespace FedDashboard.Tests.Core.Live;

public sealed class RedisLiveChannelTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly LiveEvent[] OneOfEachType =
    [
        new RoundPhaseChanged(1, 2, 3, RoundPhase.Aggregating, At),
        new ParticipantChanged(1, 2, 7, ParticipantStatus.Training, At),
        new ModelVersionChanged(1, 9, 4, 3, 0.91, 0.2, ModelVersionStatus.Approved, At),
        new JobChanged(1, JobStatus.Running, "why", At),
        new TrainingRequestChanged(5, 6, 1, TrainingRequestStatus.Queued, At),
        new RoundRewarded(1, 2, 3, 0.3m, "EUR", At),
        new FleetTick(40, 38, 30, 4, 0.5, 0.9, 0.7, At),
        FleetMap.Of([new TerminalPosition(7, 1.5, 2.5, 3, TerminalActivity.Training), new TerminalPosition(8, 0, 0, null, TerminalActivity.Idle)], new DensityGrid(1000), At),
    ];

    public static TheoryData<LiveEvent> EveryType() => new(OneOfEachType);

    [Fact]
    public void EveryType_CoversTheLiveEventTypes() =>
        Assert.Equal(LiveEventTypes.All.Order(new TypeNames()), OneOfEachType.Select(e => e.GetType()).Order(new TypeNames()));

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Decode_AnotherNodesEvent_SameEvent(LiveEvent sent)
    {
        var (publisher, receiver) = (new RedisLiveChannel(), new RedisLiveChannel());

        var received = receiver.Decode(publisher.Encode(sent));

        Assert.NotNull(received);
        Assert.Equal(sent.GetType(), received.GetType());
        Assert.Equal(JsonSerializer.Serialize(sent, sent.GetType()), JsonSerializer.Serialize(received, received.GetType()));
    }

    [Fact]
    public void Decode_OwnEvent_Null()
    {
        var channel = new RedisLiveChannel();

        Assert.Null(channel.Decode(channel.Encode(new JobChanged(1, JobStatus.Running, null, At))));
    }

    [Fact]
    public void Decode_TypeOfAnotherVersion_Null() =>
        Assert.Null(new RedisLiveChannel().Decode(Encoding.UTF8.GetBytes("""{"Origin":"elsewhere","Type":"SomethingNew","Event":{"At":"2026-12-04T12:00:00+00:00"}}""")));

    [Fact]
    public void Decode_NotALiveEvent_Throws() =>
        Assert.ThrowsAny<JsonException>(() => new RedisLiveChannel().Decode(Encoding.UTF8.GetBytes("hello")));

    private sealed class TypeNames : IComparer<Type>
    {
        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.Name, y?.Name);
    }
}
