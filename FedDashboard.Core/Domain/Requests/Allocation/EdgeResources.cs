namespace FedDashboard.Core.Domain.Requests.Allocation;

/// <summary>What one edge can give the open requests now.</summary>
/// <param name="InCoverage">Terminals online in its coverage.</param>
/// <param name="TrainingForOthers">Of those, the ones in an open participation of a job that runs for no open request.</param>
/// <param name="Declining">Of the rest, those idle ones that would decline to train now (CPU load, battery).</param>
/// <param name="MeanCpuLoad">Over the terminals in coverage; null when there are none.</param>
public sealed record EdgeResources(int EdgeId, string Name, int InCoverage, int TrainingForOthers, int Declining, double? MeanCpuLoad)
{
    /// <summary>The terminals the open requests share: those training for a request count, as they stay its own.</summary>
    public int Available => Math.Max(0, InCoverage - TrainingForOthers - Declining);
}
