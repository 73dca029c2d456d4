using FedDashboard.Agent.Telemetry;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Protocol;
using System.Diagnostics;

namespace FedDashboard.Agent;

/// <summary>
/// One assignment's local training with TorchSharp, on a thread of its own (TorchSharp's dispose scopes follow threads),
/// while the caller's side reports progress every few seconds: the edge may say stop (the work is discarded), and when
/// other processes keep the CPU busy the agent asks for a lighter model and goes on with its weights narrowed to it.
/// </summary>
internal sealed class TrainingRun(ITerminalChannel channel, MachineTelemetry telemetry, AgentArguments args, AgentLog log)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(3);

    /// <returns>The trained weights and what to report with them, or null when the edge stopped the work.</returns>
    public async Task<TrainedResult?> RunAsync(
        string credential, AssignmentInfo assignment, ParameterSet start, AgentData data, int[] samples, CancellationToken ct)
    {
        var spec = new ModelSpec(Enum.Parse<ModelArchitecture>(assignment.Model), assignment.Width);
        var settings = new LocalTrainingSettings(assignment.LocalEpochs, assignment.BatchSize, assignment.LearningRate, assignment.ProximalMu);
        IReadOnlySet<string>? segments = assignment.Segments is null ? null : new HashSet<string>(assignment.Segments, StringComparer.Ordinal);
        // The edge plans on the data the terminal reported; the work never exceeds E epochs over the samples at hand.
        var fullWork = settings.Epochs * (int)Math.Ceiling(samples.Length / (double)settings.BatchSize);
        var steps = Math.Min(assignment.PlannedSteps > 0 ? assignment.PlannedSteps : fullWork, fullWork);
        var signals = new Signals(spec.Width);
        var stopwatch = Stopwatch.StartNew();

        using var supervision = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var supervisor = SuperviseAsync(credential, assignment.AssignmentId, signals, stopwatch, supervision.Token);
        try
        {
            var parameters = start;
            LocalTrainingResult? last = null;
            for (var piece = 0; signals.Steps < steps; piece++)
            {
                var (before, seenBefore) = (signals.Steps, signals.SamplesSeen);
                var control = new TrainingControl(steps - before, progress => signals.Continue(before + progress.Steps, seenBefore + progress.SamplesSeen));
                var (pieceSpec, pieceStart) = (spec, parameters);
                last = await Task.Factory.StartNew(
                    () => LocalTrainer.Train(pieceSpec, pieceStart, data.Tensors, samples, settings, assignment.Seed + piece, ct, segments, control),
                    ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                parameters = last.Parameters;
                if (signals.StopReason is { } reason)
                {
                    log.Say($"The edge stopped the training of assignment {assignment.AssignmentId}: {reason}. The work is discarded.");
                    return null;
                }
                if (signals.TakeSwap() is not { } width) break;
                var narrower = spec with { Width = width };
                parameters = SubModel.Extract(parameters, spec, narrower);
                spec = narrower;
                log.Say($"Narrowed the model to width {width:0.##} after {signals.Steps} steps; training on.");
            }
            var elapsed = stopwatch.Elapsed.TotalSeconds;
            var metadata = new ResultMetadata(samples.Length, last!.TrainLoss, last.TrainAccuracy,
                elapsed > 0 ? signals.SamplesSeen / elapsed : 0, assignment.PlannedSteps, signals.Steps);
            log.Say($"Trained {signals.Steps} steps on {samples.Length:N0} samples in {elapsed:0.0} s: loss {metadata.TrainLoss:0.000}, accuracy {metadata.TrainAccuracy:P1}.");
            return new TrainedResult(parameters, metadata);
        }
        finally
        {
            await supervision.CancelAsync();
            await supervisor;
        }
    }

    private async Task SuperviseAsync(string credential, int assignmentId, Signals signals, Stopwatch stopwatch, CancellationToken ct)
    {
        var askedForLighter = false;
        using var timer = new PeriodicTimer(ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var load = telemetry.CpuLoad();
                var elapsed = stopwatch.Elapsed.TotalSeconds;
                await ReportAsync(credential, assignmentId, signals, new ProgressReport(signals.Steps, signals.SamplesSeen,
                    elapsed > 0 ? signals.SamplesSeen / elapsed : 0, load.Machine), ct);
                if (!askedForLighter && load.Others > args.LighterAbove)
                {
                    askedForLighter = true;
                    await AskForLighterAsync(credential, assignmentId, signals, load, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The training ended.
        }
    }

    private async Task ReportAsync(string credential, int assignmentId, Signals signals, ProgressReport report, CancellationToken ct)
    {
        try
        {
            var reply = await channel.ReportProgressAsync(credential, assignmentId, report, ct);
            if (reply.Action == ProgressReply.Stop) signals.Stop(reply.Reason ?? "no reason given");
        }
        catch (TerminalProtocolException refusal) when (refusal.Code is ProtocolError.AssignmentClosed or ProtocolError.RoundClosed or ProtocolError.UnknownAssignment)
        {
            signals.Stop(refusal.Message);
        }
        catch (Exception failure) when (!ct.IsCancellationRequested && Resilience.IsTransient(failure))
        {
            // Training goes on; the next report tries again.
            log.Say($"Could not report progress ({failure.GetBaseException().Message.TrimEnd('.')}); training on.");
        }
    }

    private async Task AskForLighterAsync(string credential, int assignmentId, Signals signals, CpuLoad load, CancellationToken ct)
    {
        var reason = $"other processes keep this machine's CPU {load.Others:P0} busy";
        log.Say($"Asking for a lighter model: {reason}.");
        try
        {
            var reply = await channel.RequestLighterModelAsync(credential, assignmentId, new LighterModelRequest(reason), ct);
            if (reply.Width < signals.Width) signals.Swap(reply.Width);
            else log.Say($"The edge kept the width at {signals.Width:0.##}: {reply.Message}");
        }
        catch (TerminalProtocolException refusal) when (refusal.Code == ProtocolError.NoLighterModel)
        {
            log.Say($"The edge has no lighter model ({refusal.Message}); training on.");
        }
        catch (Exception failure) when (!ct.IsCancellationRequested && Resilience.IsTransient(failure))
        {
            log.Say($"Could not ask for a lighter model ({failure.GetBaseException().Message.TrimEnd('.')}); training on.");
        }
    }

    /// <summary>What the training thread and the supervising side tell each other; every member is thread-safe.</summary>
    private sealed class Signals(double width)
    {
        private readonly Lock _gate = new();
        private int _steps;
        private int _samplesSeen;
        private string? _stopReason;
        private double? _swapTo;
        private double _width = width;

        public int Steps => Volatile.Read(ref _steps);
        public int SamplesSeen => Volatile.Read(ref _samplesSeen);

        public double Width
        {
            get { lock (_gate) return _width; }
        }

        public string? StopReason
        {
            get { lock (_gate) return _stopReason; }
        }

        /// <summary>Called by the training thread after every step: go on unless stopped or a swap waits.</summary>
        public bool Continue(int steps, int samplesSeen)
        {
            Volatile.Write(ref _steps, steps);
            Volatile.Write(ref _samplesSeen, samplesSeen);
            lock (_gate) return _stopReason is null && _swapTo is null;
        }

        public void Stop(string reason)
        {
            lock (_gate) _stopReason ??= reason;
        }

        public void Swap(double width)
        {
            lock (_gate) _swapTo = width;
        }

        public double? TakeSwap()
        {
            lock (_gate)
            {
                var width = _swapTo;
                _swapTo = null;
                if (width is { } narrower) _width = narrower;
                return width;
            }
        }
    }
}

/// <summary>A finished local training: the weights at the final width and the upload's metadata.</summary>
internal sealed record TrainedResult(ParameterSet Parameters, ResultMetadata Metadata);
