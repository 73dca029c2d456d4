using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.Extensions.Options;

namespace FedDashboard.Tests.Core.Simulation;

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
        var fleet = new FleetOptions { Terminals = 100 };
        var simulation = new SimulationOptions { AttackerFraction = 0.2 };

        var first = Attackers(Attack(fleet, simulation));
        var second = Attackers(Attack(fleet, simulation));

        Assert.Equal(20, first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void IsAttacker_AnotherFleetSeed_DrawsOtherTerminals()
    {
        var first = Attackers(Attack(new FleetOptions { Terminals = 100, Seed = 1 }, new SimulationOptions { AttackerFraction = 0.2 }));
        var second = Attackers(Attack(new FleetOptions { Terminals = 100, Seed = 2 }, new SimulationOptions { AttackerFraction = 0.2 }));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Upload_SignFlipAttacker_SendsTheUpdateReversed()
    {
        var attack = Attack(AttackKind.SignFlip);

        var upload = attack.Upload(Terminal(0), _start, TestModels.Mlp2NN(hidden: 4, value: (_, _) => 13f));

        Assert.All(upload.Arrays, array => Assert.All(array.Values, value => Assert.Equal(7f, value)));
    }

    [Fact]
    public void Upload_ScaleAttackerOnANarrowModel_SendsTheUpdateTimesTheFactorFromItsOwnBlock()
    {
        var attack = Attack(AttackKind.Scale);
        var trained = TestModels.Mlp2NN(hidden: 2, value: (_, _) => 10.5f);

        var upload = attack.Upload(Terminal(0), _start, trained);

        Assert.True(upload.ShapeMatches(trained));
        Assert.All(upload.Arrays, array => Assert.All(array.Values, value => Assert.Equal(15f, value)));
    }

    [Fact]
    public void Upload_ScaledSignFlipAttacker_SendsTheUpdateReversedTimesTheFactor()
    {
        var attack = Attack(AttackKind.ScaledSignFlip);

        var upload = attack.Upload(Terminal(0), _start, TestModels.Mlp2NN(hidden: 4, value: (_, _) => 10.5f));

        Assert.All(upload.Arrays, array => Assert.All(array.Values, value => Assert.Equal(5f, value)));
    }

    [Fact]
    public void Upload_HonestTerminal_SendsWhatItTrained()
    {
        var attack = Attack(new FleetOptions { Terminals = 4 }, new SimulationOptions { AttackerFraction = 0 });
        var trained = TestModels.Mlp2NN(hidden: 4, value: (_, index) => index);

        var upload = attack.Upload(Terminal(0), _start, trained);

        Assert.Same(trained, upload);
    }

    private SimulatedAttack Attack(AttackKind kind) =>
        Attack(new FleetOptions { Terminals = 1 }, new SimulationOptions { AttackerFraction = 1, AttackKind = kind, AttackScaleFactor = 10 });

    private SimulatedAttack Attack(FleetOptions fleet, SimulationOptions simulation) => new(Options.Create(fleet), Options.Create(simulation), _blobs);

    private static HashSet<int> Attackers(SimulatedAttack attack) => [.. Enumerable.Range(0, 100).Where(ordinal => attack.IsAttacker(Terminal(ordinal)))];

    private static Terminal Terminal(int dataOrdinal) => new($"t{dataOrdinal}", dataOrdinal, TerminalType.Phone, HardwareTier.Mid, x: 0, y: 0);
}
