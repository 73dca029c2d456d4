using FedDashboard.Core.Domain.Training;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Training;

public sealed class RoundParticipantTests
{
    private static RoundParticipant Offered() => new(1, 1, "start", "full", TestData.Now);

    [Fact]
    public void Decline_OfferedAssignment_EndsDeclinedWithTheReason()
    {
        var participant = Offered();

        participant.Decline("battery low", TestData.Now);

        Assert.Equal((ParticipantStatus.Declined, "battery low", TestData.Now), (participant.Status, participant.FailureReason, participant.EndedAt));
    }

    [Fact]
    public void Decline_AlreadyTraining_ThrowsAndStaysTraining()
    {
        var participant = Offered();
        participant.Start(TestData.Now);

        Assert.Throws<InvalidOperationException>(() => participant.Decline("battery low", TestData.Now));
        Assert.Equal(ParticipantStatus.Training, participant.Status);
    }

    [Fact]
    public void Report_WithUploadKey_KeepsTheKey()
    {
        var participant = Offered();

        participant.Report("result", 100, 0.5, 0.8, TestData.Now, uploadKey: "key-1");

        Assert.Equal((ParticipantStatus.Reported, "key-1"), (participant.Status, participant.UploadKey));
    }

    [Fact]
    public void Report_UploadKeyTooLong_ThrowsAndStaysOpen()
    {
        var participant = Offered();

        Assert.Throws<ArgumentOutOfRangeException>(() => participant.Report("result", 100, 0.5, 0.8, TestData.Now, new string('k', RoundParticipant.UploadKeyMaxLength + 1)));
        Assert.True(participant.IsOpen);
    }
}
