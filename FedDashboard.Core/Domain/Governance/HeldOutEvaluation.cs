namespace FedDashboard.Core.Domain.Governance;

/// <summary>A model version's accuracy and loss on a named held-out set: evaluated once per version and set, then kept.</summary>
public sealed class HeldOutEvaluation
{
    private HeldOutEvaluation() => SetName = "";

    public HeldOutEvaluation(int versionId, string setName, double accuracy, double loss, int samples, DateTimeOffset evaluatedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setName);
        VersionId = versionId;
        SetName = setName;
        Accuracy = accuracy;
        Loss = loss;
        Samples = samples;
        EvaluatedAt = evaluatedAt;
    }

    public int VersionId { get; private set; }
    public string SetName { get; private set; }
    public double Accuracy { get; private set; }
    public double Loss { get; private set; }
    public int Samples { get; private set; }
    public DateTimeOffset EvaluatedAt { get; private set; }
}
