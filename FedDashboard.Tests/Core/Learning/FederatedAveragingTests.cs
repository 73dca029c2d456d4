using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Tests.Shared;
using Xunit.Abstractions;

namespace FedDashboard.Tests.Core.Learning;

[Collection(MnistCollection.Name)]
public sealed class FederatedAveragingTests(MnistFixture mnist, ITestOutputHelper output)
{
    [Fact]
    public void FedAvg_TenIidClientsThreeRounds_ReachesOver90PercentTestAccuracy()
    {
        var spec = new ModelSpec(ModelArchitecture.Mlp2NN);
        var settings = new LocalTrainingSettings(Epochs: 2, BatchSize: 10, LearningRate: 0.05);
        var clients = Partitioner.Iid(mnist.Data.Train.Count, 60, seed: 11)[..10];
        var global = ModelInitializer.Initial(spec, seed: 11);
        var accuracy = 0.0;

        for (var round = 1; round <= 3; round++)
        {
            var updates = new List<TierResult>();
            for (var client = 0; client < clients.Length; client++)
            {
                var update = LocalTrainer.Train(spec, global, mnist.TrainTensors, clients[client], settings, seed: round * 100 + client, CancellationToken.None);
                updates.Add(new TierResult(() => update.Parameters, spec, update.Samples));
            }
            global = new FedAvg().Aggregate(global, spec, updates);
            accuracy = ModelEvaluator.Evaluate(spec, global, mnist.TestTensors).Accuracy;
            output.WriteLine($"round {round}: test accuracy {accuracy:P2}");
        }

        Assert.True(accuracy > 0.90, $"test accuracy after 3 rounds: {accuracy:P2}");
    }
}
