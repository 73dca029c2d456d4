using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Requests;

public sealed class TrainingRequestTests
{
    private static TrainingRequest Queued() =>
        new(7, TrainingRequestInput.Parse(TestRequests.Submission(TestData.Now.AddHours(1))), "key-1", new string('a', 64), TestData.Now);

    private static TrainingRequest Training()
    {
        var request = Queued();
        request.BeginAllocating();
        request.RunsAs(42);
        return request;
    }

    [Fact]
    public void RunsAs_WhileAllocating_TrainsAsTheJob()
    {
        var request = Queued();
        request.BeginAllocating();

        request.RunsAs(42);

        Assert.Equal((TrainingRequestStatus.Training, 42), (request.Status, request.JobId));
    }

    [Fact]
    public void RunsAs_Queued_Refused() => Assert.Throws<ConflictException>(() => Queued().RunsAs(42));

    [Fact]
    public void Meet_Training_EndsMetWithTheReason()
    {
        var request = Training();

        request.Meet("v3 reached it.", TestData.Now.AddMinutes(5));

        Assert.Equal((TrainingRequestStatus.Met, RequestEndCondition.Met, "v3 reached it.", TestData.Now.AddMinutes(5)),
            (request.Status, request.EndCondition, request.EndReason, request.EndedAt));
        Assert.False(request.IsOpen);
    }

    [Fact]
    public void Meet_Queued_Refused() => Assert.Throws<ConflictException>(() => Queued().Meet("v3 reached it.", TestData.Now));

    [Fact]
    public void Fail_OnTheDeadline_FailedWithDeadline()
    {
        var request = Training();

        request.Fail(RequestEndCondition.Deadline, "Too late.", TestData.Now);

        Assert.Equal((TrainingRequestStatus.Failed, RequestEndCondition.Deadline), (request.Status, request.EndCondition));
    }

    [Fact]
    public void Fail_AsMet_Refused() => Assert.Throws<ArgumentException>(() => Training().Fail(RequestEndCondition.Met, "No.", TestData.Now));

    [Fact]
    public void Cancel_Ended_Refused()
    {
        var request = Training();
        request.Fail(RequestEndCondition.Budget, "Used up.", TestData.Now);

        var refusal = Assert.Throws<ConflictException>(() => request.Cancel("Changed my mind.", TestData.Now));

        Assert.Contains("already ended (Failed)", refusal.Message);
        Assert.Equal(TrainingRequestStatus.Failed, request.Status);
    }

    [Fact]
    public void Cancel_Queued_Cancelled()
    {
        var request = Queued();

        request.Cancel("Changed my mind.", TestData.Now);

        Assert.Equal((TrainingRequestStatus.Cancelled, RequestEndCondition.Cancelled), (request.Status, request.EndCondition));
    }
}
