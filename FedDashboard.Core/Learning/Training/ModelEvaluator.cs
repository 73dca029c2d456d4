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
        ArgumentNullException.ThrowIfNull(test);
        var partials = new (double LossSum, long Correct)[BatchCount(test)];
        ForEachBatch(spec, parameters, test, (first, logits, labels) => partials[first / _batchSize] =
            (nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>(), logits.argmax(1).eq(labels).sum().item<long>()));
        return new EvaluationResult((double)partials.Sum(p => p.Correct) / test.Count, partials.Sum(p => p.LossSum) / test.Count, test.Count);
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

    private static int BatchCount(MnistTensors test) => (test.Count + _batchSize - 1) / _batchSize;

    /// <summary>
    /// Runs the batches on as many threads as there are cores, each with its own copy of the model: libtorch runs each
    /// training on one thread, so one evaluation on one thread left the other cores idle while it ran (the CNN's 10,000
    /// test images took 4 s of a round's 18 on two cores). <paramref name="onBatch"/> runs on those threads.
    /// </summary>
    private static void ForEachBatch(ModelSpec spec, ParameterSet parameters, MnistTensors test, Action<int, Tensor, Tensor> onBatch)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(test);
        if (test.Count == 0)
        {
            throw new ArgumentException("Cannot evaluate on an empty data set.", nameof(test));
        }

        var batches = BatchCount(test);
        var threads = Math.Min(batches, Environment.ProcessorCount);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            using var model = ModelFactory.Create(spec);
            ModuleParameters.Load(model, parameters);
            model.eval();
            using var noGrad = torch.no_grad();
            for (var batch = thread; batch < batches; batch += threads)
            {
                using var scope = torch.NewDisposeScope();
                var first = batch * _batchSize;
                var (images, labels) = test.Slice(first, Math.Min(_batchSize, test.Count - first));
                onBatch(first, model.forward(images), labels);
            }
        });
    }
}
