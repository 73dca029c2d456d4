using System.Diagnostics;
using FedDashboard.Core.Domain.Training;

namespace FedDashboard.Core.Orchestration.Telemetry;

/// <summary>One running step of a round (see <see cref="RoundSteps"/>); disposing it ends the step once.</summary>
public sealed class StepTimer : IDisposable
{
    private readonly StepTimeWriter _writer;
    private readonly RoundStep _step;
    private readonly int _jobId;
    private readonly Activity? _activity;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private int? _roundId;
    private bool _ended;

    internal StepTimer(StepTimeWriter writer, RoundStep step, int jobId, int? roundId, int? edgeId, int? terminalId)
    {
        _writer = writer;
        _step = step;
        _jobId = jobId;
        _activity = RoundTelemetry.Source.StartActivity(step.ToString());
        _activity?.SetTag(RoundTelemetry.StepTag, step.ToString());
        _activity?.SetTag(RoundTelemetry.JobTag, jobId);
        _activity?.SetTag(RoundTelemetry.EdgeTag, edgeId);
        _activity?.SetTag(RoundTelemetry.TerminalTag, terminalId);
        if (roundId is { } id) ForRound(id);
    }

    public void ForRound(int roundId)
    {
        _roundId = roundId;
        _activity?.SetTag(RoundTelemetry.RoundTag, roundId);
    }

    public void Dispose()
    {
        if (_ended) return;
        _ended = true;
        var elapsed = Stopwatch.GetElapsedTime(_startedAt);
        _activity?.Dispose();
        RoundTelemetry.StepDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(RoundTelemetry.StepTag, _step.ToString()), new KeyValuePair<string, object?>(RoundTelemetry.JobTag, _jobId));
        // A step that ended before its round was saved (nothing to start, or another run saved it) has no round to add to.
        if (_roundId is { } roundId) _writer.Add(roundId, _step, elapsed);
    }
}
