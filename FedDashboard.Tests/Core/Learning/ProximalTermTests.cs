using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Tests.Shared;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedDashboard.Tests.Core.Learning;

[Collection(MnistCollection.Name)]
public sealed class ProximalTermTests(MnistFixture mnist)
{
    private static readonly ModelSpec Spec = new(ModelArchitecture.Mlp2NN);
    private static readonly int[] Client = Partitioner.Iid(60000, 100, seed: 5)[0];

    [Fact]
    public void AddGradient_ParameterMovedFromItsStart_AddsMuTimesTheDistance()
    {
        // Started at (1, 2), now at (3, 2); the loss w₁ + w₂ has gradient (1, 1); μ = 0.5 adds 0.5·(2, 0).
        using var parameter = new Parameter(tensor(new float[] { 1, 2 }));
        using var proximal = new ProximalTerm([parameter], mu: 0.5);
        using (no_grad()) parameter.copy_(tensor(new float[] { 3, 2 }));
        parameter.sum().backward();

        proximal.AddGradient();

        Assert.Equal(new float[] { 2, 1 }, parameter.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Train_WithMu_SameParametersAsAutogradOnLossPlusTheProximalTerm()
    {
        const double mu = 0.3;
        var start = ModelInitializer.Initial(Spec, seed: 3);
        var settings = new LocalTrainingSettings(Epochs: 1, BatchSize: 10, LearningRate: 0.05, ProximalMu: mu);
        var ours = LocalTrainer.Train(Spec, start, mnist.TrainTensors, Client[..200], settings, seed: 4, CancellationToken.None).Parameters;

        var reference = TrainedByAutograd(start, settings, seed: 4);

        foreach (var (mine, theirs) in ours.Arrays.Zip(reference.Arrays))
        {
            Assert.All(mine.Values.Zip(theirs.Values), pair => Assert.Equal(pair.Second, pair.First, 1e-5));
        }
    }

    [Fact]
    public void Train_LargerMu_EndsCloserToTheStart()
    {
        var start = ModelInitializer.Initial(Spec, seed: 3);
        double DistanceAfter(double mu) => Distance(start, LocalTrainer.Train(Spec, start, mnist.TrainTensors, Client,
            new LocalTrainingSettings(Epochs: 1, BatchSize: 10, LearningRate: 0.05, ProximalMu: mu), seed: 4, CancellationToken.None).Parameters);

        var (plain, proximal) = (DistanceAfter(0), DistanceAfter(1));

        Assert.True(proximal < 0.9 * plain, $"‖w − w_start‖ {proximal:F4} with μ = 1, {plain:F4} without");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.PositiveInfinity)]
    public void LocalTrainingSettings_NegativeOrInfiniteMu_Throws(double mu)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalTrainingSettings(1, 10, 0.05, mu));
    }

    /// <summary>The same minibatches as <see cref="LocalTrainer"/> draws for the seed, on the loss plus μ∕2·‖w − w_start‖² built into the graph.</summary>
    private ParameterSet TrainedByAutograd(ParameterSet start, LocalTrainingSettings settings, int seed)
    {
        using var model = ModelFactory.Create(Spec);
        ModuleParameters.Load(model, start);
        model.train();
        var anchors = model.parameters().Select(p => p.detach().clone()).ToList();
        using var sgd = optim.SGD(model.parameters(), settings.LearningRate);
        var order = Client[..200].Select(index => (long)index).ToArray();
        new Random(seed).Shuffle(order);
        for (var first = 0; first < order.Length; first += settings.BatchSize)
        {
            using var scope = NewDisposeScope();
            var (images, labels) = mnist.TrainTensors.Select(order[first..(first + settings.BatchSize)]);
            sgd.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(images), labels);
            foreach (var (parameter, anchor) in model.parameters().Zip(anchors))
            {
                loss += parameter.sub(anchor).square().sum() * (settings.ProximalMu / 2);
            }
            loss.backward();
            sgd.step();
        }
        foreach (var anchor in anchors) anchor.Dispose();
        return ModuleParameters.Extract(model);
    }

    private static double Distance(ParameterSet a, ParameterSet b) =>
        Math.Sqrt(a.Arrays.Zip(b.Arrays).Sum(pair => pair.First.Values.Zip(pair.Second.Values).Sum(v => Math.Pow(v.First - (double)v.Second, 2))));
}
