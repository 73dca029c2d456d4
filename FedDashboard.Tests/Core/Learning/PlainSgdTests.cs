using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Tests.Shared;
using TorchSharp;
using static TorchSharp.torch;

namespace FedDashboard.Tests.Core.Learning;

[Collection(MnistCollection.Name)]
public sealed class PlainSgdTests(MnistFixture mnist)
{
    private static readonly ModelSpec Spec = new(ModelArchitecture.Mlp2NN);

    /// <summary>Twenty minibatch steps from the same start with each optimizer; the parameters end alike to the bit.</summary>
    private ParameterSet TrainedWith(Func<nn.Module, (Action ZeroGrad, Action Step, IDisposable Optimizer)> optimizerOf)
    {
        using var model = ModelFactory.Create(Spec);
        ModuleParameters.Load(model, ModelInitializer.Initial(Spec, seed: 3));
        model.train();
        var (zeroGrad, step, optimizer) = optimizerOf(model);
        using (optimizer)
        {
            for (var first = 0; first < 200; first += 10)
            {
                using var scope = NewDisposeScope();
                var (images, labels) = mnist.TrainTensors.Select([.. Enumerable.Range(first, 10).Select(i => (long)i)]);
                zeroGrad();
                nn.functional.cross_entropy(model.forward(images), labels).backward();
                step();
            }
        }
        return ModuleParameters.Extract(model);
    }

    [Fact]
    public void Step_TwentyMinibatches_SameParametersAsTorchSharpsSgd()
    {
        var ours = TrainedWith(model =>
        {
            var sgd = new PlainSgd([.. model.parameters()], 0.05);
            return (sgd.ZeroGrad, sgd.Step, sgd);
        });
        var theirs = TrainedWith(model =>
        {
            var sgd = optim.SGD(model.parameters(), 0.05);
            return (sgd.zero_grad, () => sgd.step(), sgd);
        });

        Assert.Equal(theirs.Arrays.Select(a => a.Name), ours.Arrays.Select(a => a.Name));
        foreach (var (mine, reference) in ours.Arrays.Zip(theirs.Arrays)) Assert.Equal(reference.Values, mine.Values);
    }
}
