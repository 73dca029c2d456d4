using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.ServerOptimizers;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

public sealed class ServerOptimizerTests
{
    private static ParameterSet Model(float value) => TestModels.Mlp2NN(hidden: 4, value: (_, _) => value);

    [Fact]
    public void ServerMomentum_TwoRounds_AccumulatesTheChangesWithDecay()
    {
        // Round 1 from 0 to an aggregate of 1: velocity 1, model 0 + 0.5·1 = 0.5.
        // Round 2 from 0.5 to 2.5 (change 2): velocity 0.9·1 + 2 = 2.9, model 0.5 + 0.5·2.9 = 1.95.
        var momentum = new ServerMomentum(learningRate: 0.5, momentum: 0.9);

        var first = momentum.Step(Model(0), Model(1), state: null);
        var second = momentum.Step(first.Model, Model(2.5f), first.State);

        AssertAll(first.Model, 0.5);
        AssertAll(second.Model, 1.95);
    }

    [Fact]
    public void ServerMomentum_NoMomentumAndRateOne_IsTheAggregate()
    {
        var step = new ServerMomentum(learningRate: 1, momentum: 0).Step(Model(3), Model(7), Model(100));

        AssertAll(step.Model, 7);
    }

    [Fact]
    public void ServerAdam_TwoRounds_MatchesTheHandComputedSteps()
    {
        // Round 1, change 2: m = 0.1·2 = 0.2, v = 0.01·4 = 0.04, x = 0.1·0.2 ∕ (0.2 + 0.001) = 0.0995025.
        // Round 2, no change: m = 0.18, v = 0.0396, x += 0.1·0.18 ∕ (√0.0396 + 0.001) = 0.0900014, so x = 0.1895039.
        var adam = new ServerAdam(learningRate: 0.1, beta1: 0.9, beta2: 0.99, tau: 0.001);

        var first = adam.Step(Model(0), Model(2), state: null);
        var second = adam.Step(first.Model, first.Model, first.State);

        AssertAll(first.Model, 0.0995025);
        AssertAll(second.Model, 0.1895039);
    }

    [Fact]
    public void Step_SameStartAndState_SameModel()
    {
        // A combination rerun after a crash starts from the parent's state again: the step is taken once, not twice.
        var adam = new ServerAdam(learningRate: 0.1, beta1: 0.9, beta2: 0.99, tau: 0.001);
        var state = adam.Step(Model(0), Model(2), state: null).State;

        var once = adam.Step(Model(1), Model(3), state);
        var again = adam.Step(Model(1), Model(3), state);

        Assert.All(once.Model.Arrays.Zip(again.Model.Arrays), pair => Assert.Equal(pair.First.Values, pair.Second.Values));
        Assert.All(once.State.Arrays.Zip(again.State.Arrays), pair => Assert.Equal(pair.First.Values, pair.Second.Values));
    }

    [Fact]
    public void Step_StateOfAnotherModelShape_ThrowsNamingTheArray()
    {
        var narrow = new ServerMomentum(1, 0.9).Step(TestModels.Mlp2NN(hidden: 2), TestModels.Mlp2NN(hidden: 2), null).State;

        var error = Assert.Throws<ArgumentException>(() => new ServerMomentum(1, 0.9).Step(Model(0), Model(1), narrow));

        Assert.Contains("fc1.weight", error.Message);
    }

    [Theory]
    [InlineData(0, 0.9)]
    [InlineData(1, 1)]
    [InlineData(1, -0.1)]
    [InlineData(double.NaN, 0.5)]
    public void ServerMomentum_OutOfRange_Throws(double learningRate, double momentum)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServerMomentum(learningRate, momentum));
    }

    [Theory]
    [InlineData(0, 0.9, 0.99, 0.001)]
    [InlineData(0.1, 1, 0.99, 0.001)]
    [InlineData(0.1, 0.9, 1, 0.001)]
    [InlineData(0.1, 0.9, 0.99, 0)]
    public void ServerAdam_OutOfRange_Throws(double learningRate, double beta1, double beta2, double tau)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServerAdam(learningRate, beta1, beta2, tau));
    }

    private static void AssertAll(ParameterSet model, double expected) =>
        Assert.All(model.Arrays, array => Assert.All(array.Values, value => Assert.Equal(expected, value, 1e-6)));
}
