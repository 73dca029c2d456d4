using FedDashboard.Core.Learning;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

public sealed class SegmentCombinerTests
{
    private static readonly ParameterSet _base = TestModels.Mlp2NN(hidden: 1, value: (_, _) => 9f);

    private static (ParameterSet, IReadOnlySet<string>, double) Piece(float value, double weight, params string[] segments) =>
        (TestModels.Mlp2NN(hidden: 1, value: (_, _) => value), segments.ToHashSet(), weight);

    [Fact]
    public void Combine_TwoPiecesSharingASegment_AveragesItByWeight()
    {
        var combined = SegmentCombiner.Combine(_base, [Piece(1f, 1, "fc1", "fc2"), Piece(5f, 3, "fc2")], ModelArchitecture.Mlp2NN);

        // (1 x 1 + 3 x 5) / 4 = 4.
        Assert.Equal([4f], combined["fc2.weight"].Values);
        Assert.Equal([4f], combined["fc2.bias"].Values);
    }

    [Fact]
    public void Combine_SegmentOnlyOnePieceTrained_TakesThatPiecesValues()
    {
        var combined = SegmentCombiner.Combine(_base, [Piece(1f, 1, "fc1", "fc2"), Piece(5f, 3, "fc2")], ModelArchitecture.Mlp2NN);

        Assert.All(combined["fc1.weight"].Values, value => Assert.Equal(1f, value));
        Assert.Equal([1f], combined["fc1.bias"].Values);
    }

    [Fact]
    public void Combine_SegmentNoPieceTrained_KeepsBaseValuesEvenWherePiecesDiffer()
    {
        var combined = SegmentCombiner.Combine(_base, [Piece(1f, 1, "fc1", "fc2"), Piece(5f, 3, "fc2")], ModelArchitecture.Mlp2NN);

        Assert.Equal(Enumerable.Repeat(9f, 10), combined["fc3.weight"].Values);
        Assert.Equal(Enumerable.Repeat(9f, 10), combined["fc3.bias"].Values);
    }

    [Fact]
    public void Combine_PieceWithUnknownSegment_ThrowsArgumentExceptionNamingItAndTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SegmentCombiner.Combine(_base, [Piece(1f, 1, "fc2"), Piece(1f, 1, "fc2", "conv1")], ModelArchitecture.Mlp2NN));

        Assert.Contains("Unknown segment(s) 'conv1' for Mlp2NN; its segments are fc1, fc2, fc3", error.Message);
        Assert.Equal("pieces[1]", error.ParamName);
    }

    [Fact]
    public void Combine_PieceWithNoSegments_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentCombiner.Combine(_base, [Piece(1f, 1)], ModelArchitecture.Mlp2NN));

        Assert.Contains("empty", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Combine_PieceWeightNotPositiveFinite_ThrowsArgumentException(double weight)
    {
        Assert.Throws<ArgumentException>(() => SegmentCombiner.Combine(_base, [Piece(1f, weight, "fc1")], ModelArchitecture.Mlp2NN));
    }

    [Fact]
    public void Combine_PieceShapedUnlikeBase_ThrowsArgumentException()
    {
        var wider = (TestModels.Mlp2NN(hidden: 2), (IReadOnlySet<string>)new HashSet<string> { "fc1" }, 1.0);

        var error = Assert.Throws<ArgumentException>(() => SegmentCombiner.Combine(_base, [wider], ModelArchitecture.Mlp2NN));

        Assert.Contains("shapes differ", error.Message);
    }

    [Fact]
    public void Combine_PieceWithInfinity_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SegmentCombiner.Combine(_base, [Piece(float.PositiveInfinity, 1, "fc3")], ModelArchitecture.Mlp2NN));

        Assert.Contains("infinite", error.Message);
    }

    [Fact]
    public void Combine_BaseOfOtherArchitecture_ThrowsArgumentException()
    {
        var cnn = TestModels.Cnn(channels1: 1, channels2: 1, hidden: 1);

        var error = Assert.Throws<ArgumentException>(() => SegmentCombiner.Combine(cnn, [Piece(1f, 1, "fc1")], ModelArchitecture.Mlp2NN));

        Assert.Contains("not those of Mlp2NN", error.Message);
    }
}
