using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Model;

namespace FedDashboard.Tests.Model;

public sealed class FormDraftTests
{
    [Fact]
    public void Value_SetNestedField_ReplacesTheRecordWithOneMemberChanged()
    {
        var draft = new FormDraft<JobPolicy>(JobPolicy.Default);

        draft.Field(p => p.Termination.MaxRounds).Value = 7;

        Assert.Equal(JobPolicy.Default with { Termination = JobPolicy.Default.Termination with { MaxRounds = 7 } }, draft.Value);
        Assert.Equal(200, JobPolicy.Default.Termination.MaxRounds);
    }

    [Fact]
    public void Value_NullableFieldCleared_ReadsBackNull()
    {
        var draft = new FormDraft<JobPolicy>(JobPolicy.Default with { Termination = new() { TargetAccuracy = 0.9 } });

        draft.Field(p => p.Termination.TargetAccuracy).Value = null;

        Assert.Null(draft.Field(p => p.Termination.TargetAccuracy).Value);
    }

    [Fact]
    public void Name_NestedField_IsThePathValidationNamesItBy()
    {
        var draft = new FormDraft<JobPolicy>(JobPolicy.Default with { Aggregation = new() { TrimFraction = 0.7 } });

        var field = draft.Field(p => p.Aggregation.TrimFraction);

        Assert.Equal("Aggregation.TrimFraction", field.Name);
        Assert.Contains(draft.Value.Validate(), e => e.Field == field.Name);
    }

    [Fact]
    public void Field_NotAPropertyChain_Throws()
    {
        var draft = new FormDraft<JobPolicy>(JobPolicy.Default);

        Assert.Throws<ArgumentException>(() => draft.Field(p => p.Termination.MaxRounds + 1));
    }
}
