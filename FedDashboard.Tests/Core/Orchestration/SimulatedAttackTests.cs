using FedDashboard.Core.Learning;
using FedDashboard.Core.Options;
using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Topology;
using FedDashboard.Tests.Shared;
using Microsoft.Extensions.Options;

namespace FedDashboard.Tests.Core.Orchestration;

public sealed class SimulatedAttackTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ModelBlobStore _blobs;
    private readonly string _start;

    public SimulatedAttackTests()
    {
        _blobs = new ModelBlobStore(_folder.Path);
        _start = _blobs.Put(TestModels.Mlp2NN(hidden: 4, value: (_, _) => 10f));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void IsAttacker_TwentyPercentOfAHundred_ExactlyTwentyTheSameEachTime()
    {
        var fleet = new FleetOptions { Terminals = 100, AttackerFraction = 0.2 };

        var first = Attackers(new SimulatedAttack(Options.Create(fleet), _blobs));
        var second = Attackers(new SimulatedAttack(Options.Create(fleet), _blobs));

        Assert.Equal(20, first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void IsAttacker_AnotherFleetSeed_DrawsOtherTerminals()
    {
        var first = Attackers(new SimulatedAttack(Options.Create(new FleetOptions { Terminals = 100, AttackerFraction = 0.2, Seed = 1 }), _blobs));
        var second = Attackers(new SimulatedAttack(Options.Create(new FleetOptions { Terminals = 100, AttackerFraction = 0.2, Seed = 2 }), _blobs));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Upload_SignFlipAttacker_SendsTheUpdateReversed()
    {
        var attack = Attack(AttackKind.SignFlip);

        var upload = attack.Upload(Terminal(0), Participant(), TestModels.Mlp2NN(hidden: 4, value: (_, _) => 13f));

        Assert.All(upload.Arrays, array => Assert.All(array.Values, value => Assert.Equal(7f, value)));
    }

    [Fact]
    public void Upload_ScaleAttackerOnANarrowModel_SendsTheUpdateTimesTheFactorFromItsOwnBlock()
    {
        var attack = Attack(AttackKind.Scale);
        var trained = TestModels.Mlp2NN(hidden: 2, value: (_, _) => 10.5f);

        var upload = attack.Upload(Terminal(0), Participant(), trained);

        Assert.True(upload.ShapeMatches(trained));
        Assert.All(upload.Arrays, array => Assert.All(array.Values, value => Assert.Equal(15f, value)));
    }

    [Fact]
    public void Upload_ScaledSignFlipAttacker_SendsTheUpdateReversedTimesTheFactor()
    {
        var attack = Attack(AttackKind.ScaledSignFlip);

        var upload = attack.Upload(Terminal(0), Participant(), TestModels.Mlp2NN(hidden: 4, value: (_, _) => 10.5f));

        Assert.All(upload.Arrays, array => Assert.All(array.Values, value => Assert.Equal(5f, value)));
    }

    [Fact]
    public void Upload_HonestTerminal_SendsWhatItTrained()
    {
        var attack = new SimulatedAttack(Options.Create(new FleetOptions { Terminals = 4, AttackerFraction = 0 }), _blobs);
        var trained = TestModels.Mlp2NN(hidden: 4, value: (_, index) => index);

        var upload = attack.Upload(Terminal(0), Participant(), trained);

        Assert.Same(trained, upload);
    }

    private SimulatedAttack Attack(AttackKind kind) =>
        new(Options.Create(new FleetOptions { Terminals = 1, AttackerFraction = 1, AttackKind = kind, AttackScaleFactor = 10 }), _blobs);

    private static HashSet<int> Attackers(SimulatedAttack attack) => [.. Enumerable.Range(0, 100).Where(ordinal => attack.IsAttacker(Terminal(ordinal)))];

    private static Terminal Terminal(int dataOrdinal) => new($"t{dataOrdinal}", dataOrdinal, TerminalType.Phone, HardwareTier.Mid, x: 0, y: 0);

    private RoundParticipant Participant() => new(terminalId: 1, edgeId: 1, _start, "2nn", TestData.Now);
}
