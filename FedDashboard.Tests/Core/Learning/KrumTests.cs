using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Parameters;
using static FedDashboard.Tests.Shared.TestResults;

namespace FedDashboard.Tests.Core.Learning;

public sealed class KrumTests
{
    // From 0, four honest updates near 1 and one attacker flipping the sign and scaling it by 10. With f = 1 each result
    // scores its n − f − 2 = 2 nearest squared distances (per element): 1.0 → 0.0125, 1.1 → 0.0125, 0.9 → 0.0325,
    // 1.05 → 0.0025 + 0.0025 = 0.005, the attacker → 121 + 110.25.
    private static TierResult[] SignFlipRound() => [Constant(1.0f), Constant(1.1f), Constant(0.9f), Constant(1.05f), Constant(-10f)];

    [Fact]
    public void Aggregate_SignFlipAttacker_PicksTheHonestUpdateClosestToTheOthers()
    {
        var result = new Krum(byzantine: 1).Aggregate(Template(0), Global, SignFlipRound());

        AssertAll(result, 1.05);
    }

    [Fact]
    public void Aggregate_MultiKrumOfThree_AveragesTheThreeBestScoredLeavingTheAttackerOut()
    {
        // 1.05, then 1.0 and 1.1 (tied at 0.0125).
        var result = new Krum(byzantine: 1, selected: 3).Aggregate(Template(0), Global, SignFlipRound());

        AssertAll(result, (1.05 + 1.0 + 1.1) / 3);
    }

    [Fact]
    public void Aggregate_MultiKrum_AveragesTheSelectedBySamples()
    {
        TierResult[] results = [Constant(1.0f, weight: 3), Constant(1.1f), Constant(0.9f), Constant(1.05f), Constant(-10f, weight: 100)];

        var result = new Krum(byzantine: 1, selected: 2).Aggregate(Template(0), Global, results);

        AssertAll(result, (1.05 * 1 + 1.0 * 3) / 4);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(4, 0)]
    [InlineData(3, 0)]
    [InlineData(7, 2)]
    [InlineData(100, 3)]
    public void ToleratedAmong_FThree_FItselfOrTheLargestThatFitsTheCount(int results, int tolerated)
    {
        Assert.Equal(tolerated, new Krum(byzantine: 3).ToleratedAmong(results));
    }

    [Fact]
    public void Aggregate_TwoResults_AveragesBothAsNothingTellsAnAttackerApart()
    {
        var result = new Krum(byzantine: 1).Aggregate(Template(0), Global, [Constant(1), Constant(3)]);

        AssertAll(result, 2);
    }

    [Fact]
    public void Aggregate_NarrowResult_ComparedAsLeavingTheUntrainedPartAtTheStart()
    {
        // The narrow result trained two of four hidden units; outside them its update is 0, far from the wide ones' 1, so
        // it is nobody's near neighbour and the choice is the one made without it.
        TierResult[] results = [Constant(1.0f), Constant(1.1f), Constant(0.9f), Constant(1, hidden: 2), Constant(1.05f)];

        var result = new Krum(byzantine: 1).Aggregate(Template(0), Global, results);

        AssertAll(result, 1.05);
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(1, 0)]
    public void Constructor_OutOfRange_Throws(int byzantine, int selected)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Krum(byzantine, selected));
    }

    private static void AssertAll(ParameterSet model, double expected) =>
        Assert.All(model.Arrays, array => Assert.All(array.Values, value => Assert.Equal(expected, value, 1e-5)));
}
