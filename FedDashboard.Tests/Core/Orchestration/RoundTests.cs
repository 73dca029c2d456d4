using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Orchestration;

public sealed class RoundTests
{
    [Fact]
    public void BeginAggregation_CollectingRound_MovesToAggregatingWithReason()
    {
        var round = TestData.Round();

        round.BeginAggregation(RoundEndReason.DeadlineReached);

        Assert.Equal(RoundPhase.Aggregating, round.Phase);
        Assert.Equal(RoundEndReason.DeadlineReached, round.EndReason);
    }

    [Fact]
    public void BeginAggregation_AlreadyAggregating_Throws()
    {
        var round = TestData.Round();
        round.BeginAggregation(RoundEndReason.AllReported);

        var error = Assert.Throws<InvalidOperationException>(() => round.BeginAggregation(RoundEndReason.AllReported));

        Assert.Contains("not collecting", error.Message);
    }

    [Fact]
    public void EndReasonAt_OneStillTrainingBeforeTheDeadline_Waits()
    {
        var round = TestData.Round();
        round.Participants.Add(new RoundParticipant(1, 1, "start", "full", TestData.Now));

        Assert.Null(round.EndReasonAt(TestData.Now.AddSeconds(59)));
    }

    [Fact]
    public void EndReasonAt_OneStillTrainingAtTheDeadline_DeadlineReached()
    {
        var round = TestData.Round();
        round.Participants.Add(new RoundParticipant(1, 1, "start", "full", TestData.Now));

        Assert.Equal(RoundEndReason.DeadlineReached, round.EndReasonAt(round.Deadline));
    }

    [Fact]
    public void EndReasonAt_EveryParticipantEndedBeforeTheDeadline_AllReported()
    {
        var round = TestData.Round();
        var participant = new RoundParticipant(1, 1, "start", "full", TestData.Now);
        participant.Report("update", 600, 0.3, 0.9, TestData.Now.AddSeconds(5));
        round.Participants.Add(participant);
        round.Participants.Add(RoundParticipant.Declined(2, 1, "start", "Busy", TestData.Now));

        Assert.Equal(RoundEndReason.AllReported, round.EndReasonAt(TestData.Now.AddSeconds(10)));
    }

    [Fact]
    public void AggregateBy_AggregatingRound_RecordsTheRule()
    {
        var round = TestData.Round();
        round.BeginAggregation(RoundEndReason.AllReported);

        round.AggregateBy(new AggregationPolicy { Rule = AggregationRule.TrimmedMean, TrimFraction = 0.1 });

        Assert.Equal(new AggregationPolicy { Rule = AggregationRule.TrimmedMean, TrimFraction = 0.1 }, round.Aggregation);
    }

    [Fact]
    public void AggregateBy_CollectingRound_ThrowsAndRecordsNothing()
    {
        var round = TestData.Round();

        Assert.Throws<InvalidOperationException>(() => round.AggregateBy(new AggregationPolicy()));

        Assert.Null(round.Aggregation);
    }

    [Fact]
    public void Complete_CollectingRound_Throws()
    {
        var round = TestData.Round();

        Assert.Throws<InvalidOperationException>(() => round.Complete(null, TestData.Now));
    }

    [Fact]
    public void Complete_AggregatingRound_RecordsVersionAndEnd()
    {
        var round = TestData.Round();
        round.BeginAggregation(RoundEndReason.AllReported);

        round.Complete(42, TestData.Now.AddSeconds(5));

        Assert.Equal(RoundPhase.Completed, round.Phase);
        Assert.Equal(42, round.ModelVersionId);
        Assert.Equal(TestData.Now.AddSeconds(5), round.EndedAt);
    }

    [Fact]
    public void Report_TimedOutParticipant_Throws()
    {
        var participant = new RoundParticipant(terminalId: 1, edgeId: 1, "abc", "full", TestData.Now);
        participant.TimeOut(TestData.Now);

        Assert.Throws<InvalidOperationException>(() => participant.Report("def", 600, 0.3, 0.9, TestData.Now));
    }

    [Fact]
    public void Fail_VeryLongReason_KeepsItWithinTheStoredLength()
    {
        var participant = new RoundParticipant(terminalId: 1, edgeId: 1, "abc", "full", TestData.Now);

        participant.Fail(new string('x', 5000), TestData.Now);

        Assert.Equal(RoundParticipant.ReasonMaxLength, participant.FailureReason!.Length);
        Assert.EndsWith("…", participant.FailureReason);
    }

    [Fact]
    public void Filter_ReportedResult_FilteredWithReasonKeepingItsReportTime()
    {
        var participant = new RoundParticipant(terminalId: 1, edgeId: 1, "abc", "full", TestData.Now);
        participant.Report("def", 600, 0.3, 0.9, TestData.Now.AddSeconds(10));

        participant.Filter("Validation accuracy too low", TestData.Now.AddSeconds(20));

        Assert.Equal((ParticipantStatus.Filtered, "Validation accuracy too low", TestData.Now.AddSeconds(10)),
            (participant.Status, participant.FilterReason, participant.EndedAt));
        Assert.False(participant.IsOpen);
    }

    [Fact]
    public void Filter_OpenAssignment_FilteredEndingNow()
    {
        var participant = new RoundParticipant(terminalId: 1, edgeId: 1, "abc", "full", TestData.Now);

        participant.Filter("The update contains NaN or infinite values.", TestData.Now.AddSeconds(5));

        Assert.Equal((ParticipantStatus.Filtered, TestData.Now.AddSeconds(5)), (participant.Status, participant.EndedAt));
        Assert.Null(participant.Result.UpdateHash);
    }

    [Fact]
    public void Filter_TimedOutParticipant_Throws()
    {
        var participant = new RoundParticipant(terminalId: 1, edgeId: 1, "abc", "full", TestData.Now);
        participant.TimeOut(TestData.Now);

        Assert.Throws<InvalidOperationException>(() => participant.Filter("late", TestData.Now));
    }

    [Fact]
    public void RecordValidation_OpenAssignment_Throws()
    {
        var participant = new RoundParticipant(terminalId: 1, edgeId: 1, "abc", "full", TestData.Now);

        Assert.Throws<InvalidOperationException>(() => participant.RecordValidation(0.9));
    }
}
