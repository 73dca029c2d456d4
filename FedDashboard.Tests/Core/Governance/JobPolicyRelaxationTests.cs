using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Policies.Job;


namespace FedDashboard.Tests.Core.Governance;

public sealed class JobPolicyRelaxationTests
{
    private static JobPolicy With(PromotionRule rule, double reference = 0.9, double margin = 0, bool autoApprove = false) =>
        new() { Promotion = new() { Rule = rule, ReferenceAccuracy = reference, Margin = margin }, AutoApprove = autoApprove };

    [Theory]
    [InlineData(PromotionRule.AtLeastReference, PromotionRule.Always)]
    [InlineData(PromotionRule.BetterThanParent, PromotionRule.Always)]
    [InlineData(PromotionRule.AtLeastReference, PromotionRule.BetterThanParent)]
    [InlineData(PromotionRule.BetterThanParent, PromotionRule.AtLeastReference)]
    public void Between_RuleThatPromotesWhatTheCurrentRefuses_OneRelaxation(PromotionRule current, PromotionRule proposed) =>
        Assert.Single(JobPolicyRelaxation.Between(With(current), With(proposed)));

    [Theory]
    [InlineData(PromotionRule.AtLeastReference, 0.9, 0, 0.89, 0)]
    [InlineData(PromotionRule.BetterThanParent, 0.9, 0.02, 0.9, 0.01)]
    public void Between_LowerBarUnderTheSameRule_OneRelaxation(PromotionRule rule, double reference, double margin, double lowerReference, double lowerMargin) =>
        Assert.Single(JobPolicyRelaxation.Between(With(rule, reference, margin), With(rule, lowerReference, lowerMargin)));

    [Theory]
    [InlineData(PromotionRule.Always, PromotionRule.AtLeastReference, 0.5, 0)]
    [InlineData(PromotionRule.AtLeastReference, PromotionRule.AtLeastReference, 0.95, 0)]
    [InlineData(PromotionRule.BetterThanParent, PromotionRule.BetterThanParent, 0.9, 0.05)]
    [InlineData(PromotionRule.AtLeastReference, PromotionRule.AtLeastReference, 0.9, 0.5)]
    public void Between_TighterOrUnreadValue_None(PromotionRule current, PromotionRule proposed, double reference, double margin) =>
        Assert.Empty(JobPolicyRelaxation.Between(With(current), With(proposed, reference, margin)));

    [Fact]
    public void Between_AutoApproveOn_Relaxation_Off_None()
    {
        Assert.Equal(["turns on auto-approve (promoted versions approved and published without an approver)"],
            JobPolicyRelaxation.Between(With(PromotionRule.Always), With(PromotionRule.Always, autoApprove: true)));
        Assert.Empty(JobPolicyRelaxation.Between(With(PromotionRule.Always, autoApprove: true), With(PromotionRule.Always)));
    }
}
