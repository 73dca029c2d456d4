using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

public sealed class ParameterSetTests
{
    [Fact]
    public void ElementCount_TwoArrays_SumsTheirLengths()
    {
        var parameters = TestParameters.Set();

        Assert.Equal(6, parameters.ElementCount);
    }

    [Fact]
    public void Indexer_KnownName_ReturnsThatArray()
    {
        var parameters = TestParameters.Set(b: [7f, 8f]);

        Assert.Equal([7f, 8f], parameters["b"].Values);
    }

    [Fact]
    public void Indexer_UnknownName_ThrowsKeyNotFoundException()
    {
        var parameters = TestParameters.Set();

        Assert.Throws<KeyNotFoundException>(() => parameters["missing"]);
    }

    [Fact]
    public void ShapeMatches_SameNamesAndShapesDifferentValues_IsTrue()
    {
        var left = TestParameters.Set();
        var right = TestParameters.Set(w: [9f, 9f, 9f, 9f]);

        Assert.True(left.ShapeMatches(right));
    }

    [Fact]
    public void ShapeMatches_SameValuesDifferentShape_IsFalse()
    {
        var left = TestParameters.Single("w", [2, 2], [1f, 2f, 3f, 4f]);
        var right = TestParameters.Single("w", [4, 1], [1f, 2f, 3f, 4f]);

        Assert.False(left.ShapeMatches(right));
    }

    [Fact]
    public void HasNonFinite_InfinityPresent_IsTrue()
    {
        var parameters = TestParameters.Set(w: [1f, float.NegativeInfinity, 3f, 4f]);

        Assert.True(parameters.HasNonFinite());
    }

    [Fact]
    public void HasNonFinite_AllFinite_IsFalse()
    {
        Assert.False(TestParameters.Set().HasNonFinite());
    }

    [Fact]
    public void Constructor_ShapeDisagreesWithValueCount_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => TestParameters.Single("w", [2, 3], [1f, 2f]));

        Assert.Contains("'w' has shape [2, 3] (6 elements) but 2 values", error.Message);
    }

    [Fact]
    public void Constructor_DuplicateName_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new ParameterSet(
            [new NamedArray("w", [1], [1f]), new NamedArray("w", [1], [2f])]));
    }
}
