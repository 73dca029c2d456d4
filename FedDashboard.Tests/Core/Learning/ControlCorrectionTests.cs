using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Scaffold;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

[Collection(MnistCollection.Name)]
public sealed class ControlCorrectionTests(MnistFixture mnist)
{
    private static readonly ModelSpec Spec = new(ModelArchitecture.Mlp2NN);
    private static readonly int[] Client = Partitioner.Iid(60000, 100, seed: 5)[0];

    [Fact]
    public void Train_OneStepWithCorrection_EndsLowerByTheRateTimesTheCorrection()
    {
        // One step from the same start on the same batch: y = x − η·(g + c − c_i), so it differs from plain SGD by η·(c − c_i).
        const double rate = 0.05;
        var start = ModelInitializer.Initial(Spec, seed: 3);
        var correction = ControlVariates.Correction(FilledParameters.Of(Spec, 0.5f), FilledParameters.Of(Spec, 0.1f));
        ParameterSet After(LocalTrainingSettings settings) =>
            LocalTrainer.Train(Spec, start, mnist.TrainTensors, Client[..10], settings, seed: 4, CancellationToken.None, control: new TrainingControl(MaxSteps: 1)).Parameters;

        var plain = After(new LocalTrainingSettings(1, 10, rate));
        var corrected = After(new LocalTrainingSettings(1, 10, rate, ControlCorrection: correction));

        foreach (var (without, with) in plain.Arrays.Zip(corrected.Arrays))
        {
            Assert.All(without.Values.Zip(with.Values), pair => Assert.Equal(rate * 0.4, pair.First - pair.Second, 1e-5));
        }
    }
}
