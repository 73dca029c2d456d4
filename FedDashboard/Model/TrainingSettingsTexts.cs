using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Model;

/// <summary>One line per choice, for the helper text under the new-job form's selects.</summary>
public static class TrainingSettingsTexts
{
    public static string Describe(DataSource source) => source switch
    {
        DataSource.Local => "Each terminal trains on its own shard.",
        DataSource.Edge => "Each terminal trains on the data set its edge hands out.",
        _ => "",
    };

    public static string Describe(Segmentation segmentation) => segmentation switch
    {
        Segmentation.None => "Every terminal trains the whole model.",
        Segmentation.PerTerminal => "Each terminal trains one layer in turn, the rest frozen.",
        Segmentation.PerEdge => "All terminals of an edge train the same layer, one layer per edge.",
        _ => "",
    };
}
