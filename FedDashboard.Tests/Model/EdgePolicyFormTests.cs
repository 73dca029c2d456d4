using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Model;

namespace FedDashboard.Tests.Model;

public sealed class EdgePolicyFormTests
{
    private static EdgePolicyForm Form()
    {
        var form = new EdgePolicyForm { EdgeId = 1, EdgeName = "edge-1" };
        form.Reset(EdgePolicy.Default, 0, null);
        return form;
    }

    [Fact]
    public void ToPolicy_UnchangedForm_EqualsTheLoadedPolicy()
    {
        var policy = Form().ToPolicy();

        Assert.Equal(EdgePolicy.Default.Tiers, policy.Tiers);
        Assert.Equal(EdgePolicy.Default with { Tiers = policy.Tiers, Groups = policy.Groups, Evaluation = policy.Evaluation }, policy);
        Assert.Equal(EvaluationPolicy.None with { AllowedTypes = policy.Evaluation.AllowedTypes, AllowedApps = policy.Evaluation.AllowedApps }, policy.Evaluation);
        Assert.Empty(policy.Evaluation.AllowedTypes);
        Assert.Empty(policy.Evaluation.AllowedApps);
    }

    [Fact]
    public void ShowErrors_TwoErrorsOnOneField_JoinsThemAtThatField()
    {
        var form = Form();

        form.ShowErrors([new PolicyError("Groups[0]", "A group needs a name."), new PolicyError("Groups[0]", "A group rule needs a value to match.")]);

        Assert.Equal("A group needs a name. A group rule needs a value to match.", form.ErrorFor("Groups[0]"));
        Assert.False(form.HasError("Tiers"));
    }

    [Fact]
    public void ToPolicy_GroupWithSpaces_TrimsNameAndValue()
    {
        var form = Form();
        form.Groups.Add(new GroupRuleInput { Name = " phones ", Field = GroupField.Type, Value = " Phone ", Width = 0.5 });

        Assert.Equal(new GroupRule("phones", GroupField.Type, "Phone", 0.5), Assert.Single(form.ToPolicy().Groups));
    }

    [Fact]
    public void ToPolicy_AppsText_SplitsAtCommasTrimmedWithoutEmptyEntries()
    {
        var form = Form();
        form.AllowedApps = " camera, ,health ,";

        Assert.Equal(["camera", "health"], form.ToPolicy().Evaluation.AllowedApps);
    }

    [Fact]
    public void Reset_StoredEvaluation_FormGivesItBack()
    {
        var form = Form();
        var evaluation = new EvaluationPolicy
        {
            MinValidationAccuracy = 0.6, AllowedTypes = [TerminalType.Phone, TerminalType.IoT], AllowedApps = ["camera", "health"],
            MinDataSamples = 500, MaxNormRatio = 3, RequireCoverage = true, ApplyAtSelection = true,
        };

        form.Reset(EdgePolicy.Default with { Evaluation = evaluation }, 1, null);

        var back = form.ToPolicy().Evaluation;
        Assert.Equal(evaluation.AllowedTypes, back.AllowedTypes);
        Assert.Equal(evaluation.AllowedApps, back.AllowedApps);
        Assert.Equal(evaluation with { AllowedTypes = back.AllowedTypes, AllowedApps = back.AllowedApps }, back);
    }
}
