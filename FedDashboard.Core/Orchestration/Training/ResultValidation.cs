using FedDashboard.Core.Learning.Anomaly;
using FedDashboard.Core.Learning.Training;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// A trained result's accuracy on the validation data, on which edges judge results. Measured as each result arrives
/// (<see cref="Terminals.UpdateReceiver"/>), while other terminals still train, rather than for all of them at the round's
/// end: on the 2NN that was 10 evaluations of 5.6 ms each in the round's path, every round. The edge measures only a
/// result stored without it.
/// </summary>
public sealed class ResultValidation(FederatedData data)
{
    public double AccuracyOf(TrainedResult trained) => ModelEvaluator.Evaluate(trained.Spec, trained.Parameters, data.Validation).Accuracy;
}
