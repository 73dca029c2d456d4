namespace FedDashboard.Core.Domain.Training;

/// <summary>Whether a job splits the model by layers for training.</summary>
public enum Segmentation
{
    /// <summary>Every terminal trains the whole model.</summary>
    None,

    /// <summary>Each terminal trains one layer, in turn, with the rest frozen.</summary>
    PerTerminal,

    /// <summary>All terminals of an edge train the same layer, one layer per edge, with the rest frozen.</summary>
    PerEdge,
}
