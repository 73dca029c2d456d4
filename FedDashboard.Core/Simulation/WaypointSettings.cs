namespace FedDashboard.Core.Simulation;

/// <summary>Random-waypoint parameters: speeds in map units per second and the rest at each waypoint.</summary>
public sealed record WaypointSettings
{
    public WaypointSettings(double minSpeed, double maxSpeed, TimeSpan pause)
    {
        // A minimum of zero lets terminals crawl for ever; the model's average speed then decays towards zero.
        if (!(minSpeed > 0 && double.IsFinite(minSpeed)))
            throw new ArgumentOutOfRangeException(nameof(minSpeed), minSpeed, "The minimum speed must be a finite number above 0.");
        if (!(maxSpeed >= minSpeed && double.IsFinite(maxSpeed)))
            throw new ArgumentOutOfRangeException(nameof(maxSpeed), maxSpeed, $"The maximum speed must be finite and at least the minimum speed ({minSpeed}).");
        ArgumentOutOfRangeException.ThrowIfLessThan(pause, TimeSpan.Zero);
        MinSpeed = minSpeed;
        MaxSpeed = maxSpeed;
        Pause = pause;
    }

    public double MinSpeed { get; }
    public double MaxSpeed { get; }
    public TimeSpan Pause { get; }
}
