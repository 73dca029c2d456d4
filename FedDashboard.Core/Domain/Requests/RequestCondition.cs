namespace FedDashboard.Core.Domain.Requests;

/// <summary>
/// When a request is met: an approved version reaches the target accuracy and, if given, stays under the maximum loss,
/// both on the held-out set the client named, or on the whole test set when it named none.
/// </summary>
public sealed record RequestCondition
{
    public const int MaxHeldOutSetLength = 100;

    public double TargetAccuracy { get; init; }
    public double? MaxTestLoss { get; init; }

    /// <summary>The name of a held-out set the server offers; null for the version's own test accuracy and loss.</summary>
    public string? HeldOutSet { get; init; }

    public bool MetBy(double? testAccuracy, double? testLoss) =>
        testAccuracy >= TargetAccuracy && (MaxTestLoss is not { } max || testLoss <= max);
}
