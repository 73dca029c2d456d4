namespace FedDashboard.Core.Domain.Requests;

/// <summary>One evaluated version: when it was made and its test accuracy.</summary>
public sealed record AccuracyPoint(DateTimeOffset At, double Accuracy);

/// <summary>
/// How long a request still needs, by a straight line: the accuracy gained per minute from the first evaluated version
/// to the best one, extended from the best to the target. Unknown (null) with fewer than two versions, or when the
/// accuracy has not risen; zero once the target is reached. Rough by design: accuracy curves flatten, so it is optimistic late.
/// </summary>
public static class TimeLeftEstimate
{
    public static TimeSpan? Of(IReadOnlyList<AccuracyPoint> points, double target)
    {
        if (points.Count < 2) return null;
        var first = points.MinBy(p => p.At)!;
        var best = points.MaxBy(p => p.Accuracy)!;
        if (best.Accuracy >= target) return TimeSpan.Zero;
        var minutes = (best.At - first.At).TotalMinutes;
        var gained = best.Accuracy - first.Accuracy;
        if (minutes <= 0 || gained <= 0) return null;
        return TimeSpan.FromMinutes((target - best.Accuracy) / (gained / minutes));
    }
}
