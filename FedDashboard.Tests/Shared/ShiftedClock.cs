namespace FedDashboard.Tests.Shared;

/// <summary>The system's clock moved by a shift the test sets: a node whose clock is off, or drifts off, the database's.</summary>
public sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public TimeSpan Shift { get; set; } = shift;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
