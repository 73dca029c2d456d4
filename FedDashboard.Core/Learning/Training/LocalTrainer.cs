using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Segments;
using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedDashboard.Core.Learning.Training;

/// <summary>
/// A FedAvg client update: plain minibatch SGD for E epochs over the client's samples, shuffled
/// each epoch; with FedProx's μ above 0, on the loss plus the proximal term (<see cref="ProximalTerm"/>). Synchronous on purpose: TorchSharp dispose scopes follow the thread, not async
/// continuations. Several trainings may run at once on different threads.
/// With <c>trainableSegments</c> (see <see cref="ModelSegments"/>) only those layers learn; the
/// others are frozen and come back exactly as they started.
/// With a <see cref="TrainingControl"/> the training may end early: at its step limit, or when the control says stop.
/// </summary>
public static class LocalTrainer
{
    public static LocalTrainingResult Train(
        ModelSpec spec,
        ParameterSet start,
        MnistTensors data,
        int[] sampleIndices,
        LocalTrainingSettings settings,
        int seed,
        CancellationToken ct,
        IReadOnlySet<string>? trainableSegments = null,
        TrainingControl? control = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        ValidateIndices(sampleIndices, data.Count);
        if (trainableSegments is not null)
        {
            ModelSegments.RequireKnown(trainableSegments, spec.Architecture, nameof(trainableSegments));
        }

        var stopwatch = Stopwatch.StartNew();
        using var model = ModelFactory.Create(spec);
        ModuleParameters.Load(model, start);
        model.train();
        var trainable = TrainableParameters(model, trainableSegments);
        using var optimizer = new PlainSgd(trainable, settings.LearningRate);
        using var proximal = settings.ProximalMu > 0 ? new ProximalTerm(trainable, settings.ProximalMu) : null;

        var random = new Random(seed);
        var order = sampleIndices.Select(index => (long)index).ToArray();
        var steps = 0;
        var samplesSeen = 0;
        var maxSteps = control?.MaxSteps ?? int.MaxValue;
        var stopped = false;
        var epochStats = new EpochStatistics();
        for (var epoch = 0; epoch < settings.Epochs && !stopped; epoch++)
        {
            random.Shuffle(order);
            epochStats = new EpochStatistics();
            for (var first = 0; first < order.Length && !stopped; first += settings.BatchSize)
            {
                ct.ThrowIfCancellationRequested();
                var batch = order[first..Math.Min(first + settings.BatchSize, order.Length)];
                using var scope = torch.NewDisposeScope();
                var (images, labels) = data.Select(batch);
                optimizer.ZeroGrad();
                var logits = model.forward(images);
                var loss = nn.functional.cross_entropy(logits, labels);
                loss.backward();
                proximal?.AddGradient();
                optimizer.Step();
                steps++;
                samplesSeen += batch.Length;
                epochStats.Add(loss.item<float>(), logits.argmax(1).eq(labels).sum().item<long>(), batch.Length);
                stopped = steps >= maxSteps
                    || control?.ContinueAfter?.Invoke(new TrainingProgress(steps, samplesSeen, stopwatch.Elapsed)) == false;
            }
        }

        return new LocalTrainingResult(
            ModuleParameters.Extract(model),
            sampleIndices.Length,
            steps,
            samplesSeen,
            epochStats.MeanLoss,
            epochStats.Accuracy,
            stopwatch.Elapsed);
    }

    // Frozen parameters get no gradient (which also skips their backward work) and stay out of the optimizer.
    private static List<Parameter> TrainableParameters(nn.Module model, IReadOnlySet<string>? trainableSegments)
    {
        var trainable = new List<Parameter>();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (trainableSegments is null || trainableSegments.Contains(ModelSegments.SegmentOf(name)))
            {
                trainable.Add(parameter);
            }
            else
            {
                parameter.requires_grad = false;
            }
        }
        return trainable;
    }

    private static void ValidateIndices(int[] sampleIndices, int count)
    {
        ArgumentNullException.ThrowIfNull(sampleIndices);
        if (sampleIndices.Length == 0)
        {
            throw new ArgumentException("A client needs at least one sample to train on.", nameof(sampleIndices));
        }
        var outOfRange = Array.FindIndex(sampleIndices, index => index < 0 || index >= count);
        if (outOfRange >= 0)
        {
            throw new ArgumentException(
                $"Sample index {sampleIndices[outOfRange]} (position {outOfRange}) is outside the data set's 0..{count - 1}.", nameof(sampleIndices));
        }
    }

    private sealed class EpochStatistics
    {
        private double _lossSum;
        private long _correct;
        private long _samples;

        public double MeanLoss => _samples == 0 ? double.NaN : _lossSum / _samples;

        public double Accuracy => _samples == 0 ? double.NaN : (double)_correct / _samples;

        public void Add(double meanBatchLoss, long correct, int samples)
        {
            _lossSum += meanBatchLoss * samples;
            _correct += correct;
            _samples += samples;
        }
    }
}
