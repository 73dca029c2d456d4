using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Requests;

public sealed class TrainingRequestInputTests
{
    private static readonly DateTimeOffset Deadline = TestData.Now.AddHours(2);

    [Fact]
    public void Parse_ValidSubmission_TheOrder()
    {
        var order = TrainingRequestInput.Parse(TestRequests.Submission(Deadline.ToOffset(TimeSpan.FromHours(2)), model: "mlp2nn", partition: "pathologicalnoniid", maxTestLoss: 0.4));

        Assert.Equal((ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, 0.9, 0.4, Deadline, 20, 50m, TimeSpan.Zero),
            (order.Model, order.Data.Partition, order.Condition.TargetAccuracy, order.Condition.MaxTestLoss, order.Deadline, order.Budget.MaxRounds, order.Budget.MaxSpend, order.Deadline.Offset));
    }

    [Fact]
    public void Hash_SameRequestWrittenOtherwise_SameHash()
    {
        var a = TestRequests.Submission(Deadline, model: "Mlp2NN", maxSpend: 10m);
        var b = TestRequests.Submission(Deadline.ToOffset(TimeSpan.FromHours(-5)), model: "MLP2NN", maxSpend: 10.00m);

        Assert.Equal(RequestBodyHash.Of(TrainingRequestInput.Parse(a), a.CallbackUrl), RequestBodyHash.Of(TrainingRequestInput.Parse(b), b.CallbackUrl));
    }

    [Fact]
    public void Hash_OtherTarget_OtherHash()
    {
        var a = TestRequests.Submission(Deadline, targetAccuracy: 0.9);
        var b = TestRequests.Submission(Deadline, targetAccuracy: 0.91);

        Assert.NotEqual(RequestBodyHash.Of(TrainingRequestInput.Parse(a), null), RequestBodyHash.Of(TrainingRequestInput.Parse(b), null));
    }

    [Fact]
    public void Hash_OtherPriority_OtherHash()
    {
        var a = TestRequests.Submission(Deadline);
        var b = TestRequests.Submission(Deadline, priority: "High");

        Assert.NotEqual(RequestBodyHash.Of(TrainingRequestInput.Parse(a), null), RequestBodyHash.Of(TrainingRequestInput.Parse(b), null));
    }

    [Fact]
    public void Hash_PriorityNormalSaidOrLeftOut_SameHash()
    {
        var a = TestRequests.Submission(Deadline);
        var b = TestRequests.Submission(Deadline, priority: "normal");

        Assert.Equal(RequestBodyHash.Of(TrainingRequestInput.Parse(a), null), RequestBodyHash.Of(TrainingRequestInput.Parse(b), null));
    }

    [Fact]
    public void Hash_DefaultHeldOutSetSaidOrLeftOut_SameHash()
    {
        var a = TestRequests.Submission(Deadline);
        var b = TestRequests.Submission(Deadline, heldOutSet: "mnist-test");

        Assert.Equal(RequestBodyHash.Of(TrainingRequestInput.Parse(a), null), RequestBodyHash.Of(TrainingRequestInput.Parse(b), null));
    }

    [Fact]
    public void Hash_OtherHeldOutSetOrTerminalGroup_OtherHash()
    {
        var hashes = new[]
        {
            TestRequests.Submission(Deadline), TestRequests.Submission(Deadline, heldOutSet: "mnist-test-last-5000"),
            TestRequests.Submission(Deadline, terminalGroup: "phones"),
        }.Select(s => RequestBodyHash.Of(TrainingRequestInput.Parse(s), null));

        Assert.Equal(3, hashes.Distinct().Count());
    }

    [Theory]
    [InlineData(null, RequestPriority.Normal)]
    [InlineData("low", RequestPriority.Low)]
    [InlineData("High", RequestPriority.High)]
    public void Parse_Priority_ByNameOrNormal(string? priority, RequestPriority expected) =>
        Assert.Equal(expected, TrainingRequestInput.Parse(TestRequests.Submission(Deadline, priority: priority)).Priority);

    public static TheoryData<TrainingRequestSubmission, string, string> Bad => new()
    {
        { TestRequests.Submission(Deadline, name: " "), "name", "A request needs a name." },
        { TestRequests.Submission(Deadline, model: "ResNet"), "model", "There is no model 'ResNet'; the models are Mlp2NN, Cnn." },
        { TestRequests.Submission(Deadline, partition: "Random"), "data.partition", "There is no partition 'Random'; the partitions are Iid, PathologicalNonIid." },
        { TestRequests.Submission(Deadline, targetAccuracy: 0), "condition.targetAccuracy", "The target test accuracy is a fraction above 0 and at most 1 (was 0)." },
        { TestRequests.Submission(Deadline, targetAccuracy: 1.5), "condition.targetAccuracy", "The target test accuracy is a fraction above 0 and at most 1 (was 1.5)." },
        { TestRequests.Submission(Deadline, targetAccuracy: null), "condition.targetAccuracy", "A request needs a target test accuracy, a fraction above 0 and at most 1." },
        { TestRequests.Submission(Deadline, maxTestLoss: -1), "condition.maxTestLoss", "The maximum test loss is a number above 0, or left out (was -1)." },
        { TestRequests.Submission(Deadline, maxRounds: 0), "budget.maxRounds", "The maximum number of rounds is from 1 to 100000 (was 0)." },
        { TestRequests.Submission(Deadline, maxSpend: 0m), "budget.maxSpend", "The maximum reward spend is above 0 (was 0)." },
        { TestRequests.Submission(Deadline, priority: "Urgent"), "priority", "There is no priority 'Urgent'; the priorities are Low, Normal, High." },
        { TestRequests.Submission(Deadline, priority: "4"), "priority", "There is no priority '4'; the priorities are Low, Normal, High." },
        {
            TestRequests.Submission(Deadline, heldOutSet: "MNIST-TEST"), "condition.heldOutSet",
            "There is no held-out set 'MNIST-TEST'; the held-out sets are mnist-test, mnist-test-first-5000, mnist-test-last-5000, mnist-test-digits-0-4, mnist-test-digits-5-9."
        },
        { TestRequests.Submission(Deadline, terminalGroup: " "), "data.terminalGroup", "A terminal group needs a name, or leave it out for any terminal." },
    };

    [Theory, MemberData(nameof(Bad))]
    public void Parse_BadField_RefusedAtTheField(TrainingRequestSubmission submission, string field, string message)
    {
        var refusal = Assert.Throws<InvalidInputException>(() => TrainingRequestInput.Parse(submission));

        Assert.Equal((field, message), (refusal.Field, refusal.Message));
    }
}
