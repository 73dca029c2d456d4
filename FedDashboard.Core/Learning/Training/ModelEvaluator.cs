using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using TorchSharp;
using static TorchSharp.torch;

namespace FedDashboard.Core.Learning.Training;

public static class ModelEvaluator
{
    private const int _batchSize = 1000;

    public static EvaluationResult Evaluate(ModelSpec spec, ParameterSet parameters, MnistTensors test)
    {
        double lossSum = 0;
        long correct = 0;
        ForEachBatch(spec, parameters, test, (_, logits, labels) =>
        {
            lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(labels).sum().item<long>();
        });
        return new EvaluationResult((double)correct / test.Count, lossSum / test.Count, test.Count);
    }

    /// <summary>The class the model picks for each sample (the first of equal highest logits), in the data's order.</summary>
    public static byte[] Predict(ModelSpec spec, ParameterSet parameters, MnistTensors test)
    {
        var predictions = new byte[test.Count];
        ForEachBatch(spec, parameters, test, (first, logits, _) =>
        {
            using var classes = logits.argmax(1).to_type(ScalarType.Byte);
            classes.data<byte>().CopyTo(predictions, first);
        });
        return predictions;
    }

    private static void ForEachBatch(ModelSpec spec, ParameterSet parameters, MnistTensors test, Action<int, Tensor, Tensor> onBatch)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(test);
        if (test.Count == 0)
        {
            throw new ArgumentException("Cannot evaluate on an empty data set.", nameof(test));
        }

        using var model = ModelFactory.Create(spec);
        ModuleParameters.Load(model, parameters);
        model.eval();
        using var noGrad = torch.no_grad();
        for (var first = 0; first < test.Count; first += _batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var (images, labels) = test.Slice(first, Math.Min(_batchSize, test.Count - first));
            onBatch(first, model.forward(images), labels);
        }
    }
}
