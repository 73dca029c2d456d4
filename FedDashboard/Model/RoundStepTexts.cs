using FedDashboard.Core.Domain.Training;

namespace FedDashboard.Model;

public static class RoundStepTexts
{
    public static string Describe(RoundStep step) => step switch
    {
        RoundStep.Start => "Selection and start",
        RoundStep.Download => "Assignment and download",
        RoundStep.Training => "Local training",
        RoundStep.Upload => "Upload, intake and validation",
        RoundStep.Evaluation => "Evaluation and filtering",
        RoundStep.Aggregation => "Aggregation",
        RoundStep.Combination => "Combination and test",
        RoundStep.Versioning => "Versioning",
        RoundStep.Rewarding => "Rewarding",
        _ => step.ToString(),
    };

    /// <summary>Steps that run once per terminal or per edge, side by side: their summed time is not wall time.</summary>
    public static bool RunsSideBySide(RoundStep step) => step is RoundStep.Download or RoundStep.Training or RoundStep.Upload or RoundStep.Evaluation or RoundStep.Aggregation;
}
