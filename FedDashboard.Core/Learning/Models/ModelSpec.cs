using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.Models;

/// <summary>
/// A model variant: the architecture and a width multiplier in (0, 1] that scales hidden units
/// and channels (rounded, at least 1). Width 1 is the paper's exact model.
/// </summary>
public sealed record ModelSpec(ModelArchitecture Architecture, double Width = 1.0)
{
    public ModelArchitecture Architecture { get; init; } = Enum.IsDefined(Architecture)
        ? Architecture
        : throw new ArgumentOutOfRangeException(nameof(Architecture), Architecture, "Unknown model architecture.");

    public double Width { get; init; } = Width is > 0 and <= 1
        ? Width
        : throw new ArgumentOutOfRangeException(nameof(Width), Width, "Width must be greater than 0 and at most 1.");

    /// <summary>How many weights and biases the model of this spec has; a narrower tier trains and uploads only these.</summary>
    public int ParameterCount => ModelLayout.Of(this).Sum(parameter => parameter.Shape.Aggregate(1, (count, dimension) => count * dimension));

    /// <summary>The size of this model's weights encoded by <see cref="ParameterSetCodec"/>: the most an upload of it may take.</summary>
    public long EncodedLength => ParameterSetCodec.EncodedLength(ModelLayout.Of(this));

    internal int Scaled(int units) => Math.Max(1, (int)Math.Round(units * Width, MidpointRounding.AwayFromZero));
}
