using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Scaffold;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

/// <summary>SCAFFOLD's control-variate maths on a hand-computed model of two parameters.</summary>
public sealed class ControlVariatesTests
{
    private static ParameterSet Two(float first, float second) => new([new NamedArray("w", [2], [first, second])]);

    [Fact]
    public void TerminalDelta_AfterFiveStepsAtRateOneTenth_IsTheDriftPerStepLessTheServersControl()
    {
        // x = (1, 2) trained to y = (0.5, 2.5) in K = 5 steps at η = 0.1: (x − y) ∕ (K·η) = (0.5, −0.5) ∕ 0.5 = (1, −1);
        // less c = (0.1, −0.2) gives Δc_i = (0.9, −0.8).
        var delta = ControlVariates.TerminalDelta(Two(1, 2), Two(0.5f, 2.5f), Two(0.1f, -0.2f), steps: 5, learningRate: 0.1);

        Assert.Equal([0.9f, -0.8f], delta["w"].Values, new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Correction_ServerAndTerminalControls_IsServerLessTerminal()
    {
        var correction = ControlVariates.Correction(Two(0.1f, -0.2f), Two(0.4f, 0.3f));

        Assert.Equal([-0.3f, -0.5f], correction["w"].Values, new FloatTolerance(1e-6f));
    }

    [Fact]
    public void NextServer_TwoOfFourTerminals_MovesByHalfTheMeanDelta()
    {
        // c = (0.1, −0.2), mean Δc_i = (1, 2), |S| ∕ N = 2 ∕ 4: c + 0.5·(1, 2) = (0.6, 0.8).
        var next = ControlVariates.NextServer(Two(0.1f, -0.2f), Two(1, 2), participants: 2, fleet: 4);

        Assert.Equal([0.6f, 0.8f], next["w"].Values, new FloatTolerance(1e-6f));
    }

    [Fact]
    public void MeanDelta_TwoResultsWeightedBySamples_IsTheSampleWeightedMean()
    {
        var global = new ModelSpec(ModelArchitecture.Mlp2NN);
        TierResult Delta(float value, double samples) => new(() => FilledParameters.Of(global, value), global, samples);

        var mean = ControlVariates.MeanDelta(global, [Delta(1, 100), Delta(4, 300)]);

        // (1·100 + 4·300) ∕ 400 = 3.25
        Assert.All(mean.Arrays, array => Assert.All(array.Values, value => Assert.Equal(3.25f, value, 1e-5f)));
    }

    [Fact]
    public void NextTerminal_HalfWidthDelta_MovesOnlyTheBlockTheTerminalTrained()
    {
        var (global, half) = (new ModelSpec(ModelArchitecture.Mlp2NN), new ModelSpec(ModelArchitecture.Mlp2NN, 0.5));

        var next = ControlVariates.NextTerminal(FilledParameters.Of(global, 1), FilledParameters.Of(half, 2), half, global, segments: null);

        // fc1's weight is [200, 784] globally; the half-width terminal trained its first 100 rows.
        var fc1 = next.Arrays[0].Values;
        Assert.Equal(3f, fc1[0]);
        Assert.Equal(3f, fc1[99 * 784 + 783]);
        Assert.Equal(1f, fc1[100 * 784]);
    }

    [Fact]
    public void TerminalDelta_ZeroSteps_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlVariates.TerminalDelta(Two(1, 2), Two(1, 2), Two(0, 0), steps: 0, learningRate: 0.1));
    }

    [Fact]
    public void ServerOrZeros_AnotherRulesState_Zeros()
    {
        var spec = new ModelSpec(ModelArchitecture.Mlp2NN);
        var velocity = new ParameterSet(FilledParameters.Of(spec, 1).Arrays.Select(array => array with { Name = $"velocity:{array.Name}" }));

        var c = ControlVariates.ServerOrZeros(velocity, spec);

        Assert.All(c.Arrays, array => Assert.All(array.Values, value => Assert.Equal(0f, value)));
    }

    [Fact]
    public void ControlDeltaUpload_JoinThenSplit_GivesBackModelAndDelta()
    {
        var (model, delta) = ControlDeltaUpload.Split(ControlDeltaUpload.Join(Two(1, 2), Two(3, 4)));

        Assert.Equal([1f, 2f], model["w"].Values);
        Assert.Equal([3f, 4f], delta!["w"].Values);
    }


    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
