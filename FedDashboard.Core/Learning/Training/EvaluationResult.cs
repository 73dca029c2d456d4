namespace FedDashboard.Core.Learning.Training;

/// <summary>Accuracy in [0, 1] and mean cross-entropy loss over <see cref="Samples"/> samples.</summary>
public sealed record EvaluationResult(double Accuracy, double Loss, int Samples);
