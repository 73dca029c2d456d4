namespace FedDashboard.Core.Domain.Training;

/// <summary>What a participant sent back, and how its edge measured it.</summary>
/// <param name="UpdateHash">The trained parameters (content hash in the blob store); null until reported.</param>
/// <param name="Samples">The samples the result was trained on; 0 until reported.</param>
/// <param name="ValidationAccuracy">The result's model on the edge's validation data, from 0 to 1; measured as the result arrives (or, for one stored without it, when its edge evaluates results).</param>
/// <param name="ControlDeltaHash">Under SCAFFOLD, the terminal's Δc_i sent with the result, at the width it trained; else null.</param>
public sealed record ParticipantResult(
    string? UpdateHash, int Samples, double? TrainLoss, double? TrainAccuracy, double? ValidationAccuracy, string? ControlDeltaHash = null)
{
    public static readonly ParticipantResult None = new(null, 0, null, null, null);
}
