using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Governance;

public sealed class PromotionTests
{
    private static readonly ModelVersion V0 = ModelVersion.Initial(jobId: 1, "initial", TestData.Now);

    /// <summary>v7 at 91.5 % test accuracy, the parent of the candidates below.</summary>
    private static readonly ModelVersion V7 = ModelVersion.Promoted(V0, 7, roundId: 7, "v7", testAccuracy: 0.915, testLoss: 0.3, TestData.Now);

    private static PromotionPolicy Reference(double accuracy) => new() { Rule = PromotionRule.AtLeastReference, ReferenceAccuracy = accuracy };

    private static PromotionPolicy BetterThanParent(double margin) => new() { Rule = PromotionRule.BetterThanParent, Margin = margin };

    [Fact]
    public void Refusal_Always_PromotesEvenAWorseCandidate() =>
        Assert.Null(Promotion.Refusal(new PromotionPolicy(), 0.1, V7));

    [Fact]
    public void Refusal_BelowReference_NamesBothAccuracies() =>
        Assert.Equal("Test accuracy 89.99 % is below the reference accuracy 90.00 %.", Promotion.Refusal(Reference(0.9), 0.8999, V7));

    [Fact]
    public void Refusal_AtReference_Promotes() =>
        Assert.Null(Promotion.Refusal(Reference(0.9), 0.9, V7));

    [Fact]
    public void Refusal_NotAboveParentByMargin_NamesParentAndMargin() =>
        Assert.Equal("Test accuracy 91.70 % is not above parent v7's 91.50 % by the margin 0.5 points.", Promotion.Refusal(BetterThanParent(0.005), 0.917, V7));

    [Fact]
    public void Refusal_AboveParentByMargin_Promotes() =>
        Assert.Null(Promotion.Refusal(BetterThanParent(0.005), 0.921, V7));

    [Fact]
    public void Refusal_BelowParentWithoutMargin_NamesParent() =>
        Assert.Equal("Test accuracy 91.20 % is below parent v7's 91.50 %.", Promotion.Refusal(BetterThanParent(0), 0.912, V7));

    [Fact]
    public void Refusal_TieWithParentWithoutMargin_Promotes() =>
        Assert.Null(Promotion.Refusal(BetterThanParent(0), 0.915, V7));

    [Fact]
    public void Refusal_ParentNeverEvaluated_Promotes() =>
        Assert.Null(Promotion.Refusal(BetterThanParent(0.5), 0.2, V0));
}
