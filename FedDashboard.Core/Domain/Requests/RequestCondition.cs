namespace FedDashboard.Core.Domain.Requests;

/// <summary>When a request is met: an approved version reaches the target test accuracy and, if given, stays under the maximum test loss.</summary>
public sealed record RequestCondition
{
    public double TargetAccuracy { get; init; }
    public double? MaxTestLoss { get; init; }

    public bool MetBy(double? testAccuracy, double? testLoss) =>
        testAccuracy >= TargetAccuracy && (MaxTestLoss is not { } max || testLoss <= max);
}
