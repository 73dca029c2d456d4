using FedDashboard.Core.Orchestration;

namespace FedDashboard.Model;

/// <summary>One line per choice, for the helper text under the new-job form's selects.</summary>
public static class TrainingSettingsTexts
{
    public static string Describe(DataSource source) => source switch
    {
        DataSource.Local => "Each terminal trains on its own shard (L2).",
        DataSource.Edge => "Each terminal trains on the data set its edge hands out (L2).",
        _ => "",
    };

    public static string Describe(Segmentation segmentation) => segmentation switch
    {
        Segmentation.None => "Every terminal trains the whole model (L8).",
        Segmentation.PerTerminal => "Each terminal trains one layer in turn, the rest frozen (L8).",
        Segmentation.PerEdge => "All terminals of an edge train the same layer, one layer per edge (L8).",
        _ => "",
    };
}
