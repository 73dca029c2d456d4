using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FedDashboard.Tests.Integration;

/// <summary>Clients' training requests through the real service on PostgreSQL: each runs as a job launched for it.</summary>
public sealed class TrainingRequestsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private FedTestHost _host = null!;
    private ClientApplication _client = null!;

    private TrainingRequests Requests => _host.Get<TrainingRequests>();
    private RequestStatusSync Sync => _host.Get<RequestStatusSync>();
    private DateTimeOffset InAnHour => TestData.Now.AddHours(1);

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 10, clock: _clock);
        _client = await ClientAsync("Acme Vision");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<ClientApplication> ClientAsync(string name, decimal spendingLimit = 100m) =>
        _host.Get<ClientRegistry>().RegisterAsync(TestClients.Administrator, TestClients.Details(name: name, spendingLimit: spendingLimit));

    private async Task<(List<TrainingRequest> Requests, List<TrainingJob> Jobs)> StoredAsync()
    {
        await using var db = _host.Db();
        return (await db.TrainingRequests.AsNoTracking().OrderBy(r => r.Id).ToListAsync(),
            await db.TrainingJobs.AsNoTracking().OrderBy(j => j.Id).ToListAsync());
    }

    private async Task<TrainingJob> JobAsync(int jobId)
    {
        await using var db = _host.Db();
        return await db.TrainingJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
    }

    private async Task<TrainingRequest> RequestAsync(int id)
    {
        await using var db = _host.Db();
        return await db.TrainingRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    [Fact]
    public async Task SubmitAsync_Valid_LaunchesItsJobAsTheClientUnderTheRequestsTerms()
    {
        var view = await Requests.SubmitAsync(_client.Id, "order-1",
            TestRequests.Submission(InAnHour, partition: "PathologicalNonIid", targetAccuracy: 0.93, maxRounds: 15));

        var (requests, jobs) = await StoredAsync();
        var request = Assert.Single(requests);
        var job = Assert.Single(jobs);
        Assert.Equal((view.Request.Id, TrainingRequestStatus.Training, job.Id, "order-1"), (request.Id, request.Status, request.JobId, request.IdempotencyKey));
        Assert.Equal((ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, "client:Acme Vision"), (job.Settings.Model, job.Settings.Partition, job.CreatedBy));
        Assert.Equal(new RequestOptions().CentralDataSamples, job.Settings.CentralDataSamples);
        Assert.Equal((15, 0.93, false), (job.Policy.Termination.MaxRounds, job.Policy.Termination.TargetAccuracy, job.Policy.AutoApprove));
        var audit = Assert.Single(await _host.AuditAsync(AuditOutcome.Done), e => e.Action == AuditAction.TrainingRequestSubmitted);
        Assert.Equal(("client:Acme Vision", AuditSubject.TrainingRequest, request.Id.ToString()), (audit.Actor, audit.Subject, audit.SubjectId));
    }

    public static TheoryData<string, string?, string> BadSubmissions => new()
    {
        { "model", "Cnn", "Client Acme Vision may not order the model Cnn; it may order Mlp2NN." },
        { "deadline", "past", "The deadline 2026-11-23 11:00:00 UTC is in the past; it must be at least 1 minute after now (2026-11-23 12:00:00 UTC)." },
        { "deadline", "near", "The deadline 2026-11-23 12:00:30 UTC is too near; it must be at least 1 minute after now (2026-11-23 12:00:00 UTC)." },
        { "budget.maxSpend", "0.05", "The maximum reward spend 0.05 EUR is below one round's cost of 0.10 EUR." },
        { "callbackUrl", "http://169.254.169.254/latest/meta-data", "" },
        { "Idempotency-Key", null, "A request needs an Idempotency-Key header: any text of up to 100 characters, new for each new request." },
    };

    [Theory, MemberData(nameof(BadSubmissions))]
    public async Task SubmitAsync_BadInput_RefusedAtItsFieldAndNothingCreated(string field, string? value, string message)
    {
        var submission = field switch
        {
            "model" => TestRequests.Submission(InAnHour, model: value),
            "deadline" => TestRequests.Submission(value == "past" ? TestData.Now.AddHours(-1) : TestData.Now.AddSeconds(30)),
            "budget.maxSpend" => TestRequests.Submission(InAnHour, maxSpend: decimal.Parse(value!, System.Globalization.CultureInfo.InvariantCulture)),
            "callbackUrl" => TestRequests.Submission(InAnHour, callbackUrl: value),
            _ => TestRequests.Submission(InAnHour),
        };
        var key = field == "Idempotency-Key" ? value : "order-1";

        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() => Requests.SubmitAsync(_client.Id, key, submission));

        Assert.Equal(field, refusal.Field);
        if (message.Length > 0) Assert.Equal(message, refusal.Message);
        Assert.Equal((0, 0), ((await StoredAsync()).Requests.Count, (await StoredAsync()).Jobs.Count));
    }

    [Fact]
    public async Task SubmitAsync_SameKeyAndBodyAgain_TheSameRequestAndOneJob()
    {
        var first = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour));
        _clock.Advance(TimeSpan.FromMinutes(2));

        var second = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour.ToOffset(TimeSpan.FromHours(1)), model: "MLP2NN"));

        Assert.Equal(first.Request.Id, second.Request.Id);
        var (requests, jobs) = await StoredAsync();
        Assert.Equal((1, 1), (requests.Count, jobs.Count));
    }

    [Fact]
    public async Task SubmitAsync_SameKeyOtherBody_ConflictAndNothingCreated()
    {
        var first = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, targetAccuracy: 0.9));

        var refusal = await Assert.ThrowsAsync<ConflictException>(() => Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, targetAccuracy: 0.95)));

        Assert.Equal($"The idempotency key 'order-1' was used for request {first.Request.Id} with a different body; send that request's body again, or use a new key for a new request.", refusal.Message);
        Assert.Equal((1, 1), ((await StoredAsync()).Requests.Count, (await StoredAsync()).Jobs.Count));
    }

    [Fact]
    public async Task SubmitAsync_SameKeyOfAnotherClient_ItsOwnRequest()
    {
        var other = await ClientAsync("Globex");
        var first = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour));

        var second = await Requests.SubmitAsync(other.Id, "order-1", TestRequests.Submission(InAnHour));

        Assert.NotEqual(first.Request.Id, second.Request.Id);
    }

    [Fact]
    public async Task SubmitAsync_OverTheSpendingLimit_ConflictAndNothingCreated()
    {
        await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, maxSpend: 60m));

        var refusal = await Assert.ThrowsAsync<ConflictException>(() => Requests.SubmitAsync(_client.Id, "order-2", TestRequests.Submission(InAnHour, maxSpend: 50m)));

        Assert.Equal("Client Acme Vision's open requests may spend 60 EUR of its spending limit of 100 EUR; this request's 50 EUR would exceed it.", refusal.Message.Replace(".0000", ""));
        Assert.Equal((1, 1), ((await StoredAsync()).Requests.Count, (await StoredAsync()).Jobs.Count));
    }

    [Fact]
    public async Task SubmitAsync_AfterAnOpenRequestEnded_ItsSpendIsFreeAgain()
    {
        var first = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, maxSpend: 60m));
        await Requests.CancelAsync(_client.Id, first.Request.Id);

        var second = await Requests.SubmitAsync(_client.Id, "order-2", TestRequests.Submission(InAnHour, maxSpend: 60m));

        Assert.Equal(TrainingRequestStatus.Training, second.Request.Status);
    }

    [Fact]
    public async Task SubmitAsync_SuspendedClient_ConflictAndNothingCreated()
    {
        await _host.Get<ClientRegistry>().SuspendAsync(TestClients.Administrator, _client.Id);

        var refusal = await Assert.ThrowsAsync<ConflictException>(() => Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour)));

        Assert.Contains("is suspended", refusal.Message);
        Assert.Equal((0, 0), ((await StoredAsync()).Requests.Count, (await StoredAsync()).Jobs.Count));
    }

    [Fact]
    public async Task ReadAsync_AnotherClientsRequest_Null()
    {
        var other = await ClientAsync("Globex");
        var theirs = await Requests.SubmitAsync(other.Id, "order-1", TestRequests.Submission(InAnHour));

        Assert.Null(await Requests.ReadAsync(_client.Id, theirs.Request.Id));
        Assert.NotNull(await Requests.ReadAsync(other.Id, theirs.Request.Id));
    }

    [Fact]
    public async Task ListAsync_OwnRequestsNewestFirst()
    {
        var other = await ClientAsync("Globex");
        var older = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, maxSpend: 10m));
        await Requests.SubmitAsync(other.Id, "order-1", TestRequests.Submission(InAnHour));
        _clock.Advance(TimeSpan.FromSeconds(5));
        var newer = await Requests.SubmitAsync(_client.Id, "order-2", TestRequests.Submission(InAnHour, maxSpend: 10m));

        var listed = await Requests.ListAsync(_client.Id);

        Assert.Equal([newer.Request.Id, older.Request.Id], listed.Select(v => v.Request.Id));
    }

    [Fact]
    public async Task CancelAsync_Training_CancelledAndItsJobAborted()
    {
        var submitted = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour));

        var cancelled = await Requests.CancelAsync(_client.Id, submitted.Request.Id);

        Assert.Equal((TrainingRequestStatus.Cancelled, "Cancelled by client Acme Vision."), (cancelled.Request.Status, cancelled.Request.EndReason));
        var job = await JobAsync(submitted.Request.JobId!.Value);
        Assert.Equal((JobStatus.Aborted, "Aborted by client:Acme Vision."), (job.Status, job.EndReason));
    }

    [Fact]
    public async Task CancelAsync_AnotherClientsRequest_NotFoundAndItKeepsTraining()
    {
        var other = await ClientAsync("Globex");
        var theirs = await Requests.SubmitAsync(other.Id, "order-1", TestRequests.Submission(InAnHour));

        await Assert.ThrowsAsync<NotFoundException>(() => Requests.CancelAsync(_client.Id, theirs.Request.Id));

        Assert.Equal(TrainingRequestStatus.Training, (await RequestAsync(theirs.Request.Id)).Status);
        Assert.Equal(JobStatus.Running, (await JobAsync(theirs.Request.JobId!.Value)).Status);
    }

    [Fact]
    public async Task SyncAsync_PastTheDeadline_FailedOnTheDeadlineAndItsJobAborted()
    {
        var submitted = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour));
        _clock.Advance(TimeSpan.FromHours(1));

        await Sync.SyncAsync(submitted.Request.Id, CancellationToken.None);

        var request = await RequestAsync(submitted.Request.Id);
        Assert.Equal((TrainingRequestStatus.Failed, RequestEndCondition.Deadline), (request.Status, request.EndCondition));
        Assert.Equal(JobStatus.Aborted, (await JobAsync(request.JobId!.Value)).Status);
    }

    [Fact]
    public async Task SyncAsync_JobUsedTheBudgetsRounds_FailedOnTheBudget()
    {
        var submitted = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, targetAccuracy: 0.999, maxRounds: 1));
        var jobId = submitted.Request.JobId!.Value;
        await _host.RunRoundByHandAsync(jobId);
        await _host.StartRoundByHandAsync(jobId);

        await Sync.SyncAsync(submitted.Request.Id, CancellationToken.None);

        var request = await RequestAsync(submitted.Request.Id);
        Assert.Equal((TrainingRequestStatus.Failed, RequestEndCondition.Budget, "Its budget of 1 rounds is used up without an approved version meeting the condition."),
            (request.Status, request.EndCondition, request.EndReason));
    }

    [Fact]
    public async Task SyncAsync_RewardsReachTheMaximumSpend_FailedOnTheBudgetAndItsJobAborted()
    {
        // One round's estimated cost: the base amount of 0.10 for the one participant a round selects of 10 terminals.
        var submitted = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, targetAccuracy: 0.999, maxSpend: 0.10m));
        var jobId = submitted.Request.JobId!.Value;
        await _host.RunRoundByHandAsync(jobId);
        await using (var db = _host.Db()) Assert.True(await db.RewardEntries.Where(e => e.JobId == jobId).SumAsync(e => e.Amount) >= 0.10m);

        await Sync.SyncAsync(submitted.Request.Id, CancellationToken.None);

        var request = await RequestAsync(submitted.Request.Id);
        Assert.Equal((TrainingRequestStatus.Failed, RequestEndCondition.Budget), (request.Status, request.EndCondition));
        Assert.StartsWith("Its job's rewards came to ", request.EndReason);
        Assert.Equal(JobStatus.Aborted, (await JobAsync(jobId)).Status);
    }

    [Fact]
    public async Task SyncAsync_VersionReachesTheTarget_MetOnlyOnceAnApproverApprovesIt()
    {
        var submitted = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, targetAccuracy: 0.5));
        var jobId = submitted.Request.JobId!.Value;
        await _host.RunRoundByHandAsync(jobId);
        await Sync.SyncAsync(submitted.Request.Id, CancellationToken.None);
        Assert.Equal(TrainingRequestStatus.Training, (await RequestAsync(submitted.Request.Id)).Status);
        ModelVersion version;
        await using (var db = _host.Db()) version = await db.ModelVersions.SingleAsync(v => v.JobId == jobId && v.Number == 1);

        await _host.Get<VersionDecisions>().ApproveAsync(version.Id, TestData.Approver, null);
        var view = await Requests.ReadAsync(_client.Id, submitted.Request.Id);

        Assert.Equal((TrainingRequestStatus.Met, RequestEndCondition.Met), (view!.Request.Status, view.Request.EndCondition));
        Assert.Equal((1, version.TestAccuracy), (view.Progress.Round, view.Progress.BestAccuracy));
        Assert.Null(view.Progress.EstimatedTimeLeft);
    }

    [Fact]
    public async Task SyncAsync_VersionAtTheTargetRejected_JobTrainsOnUntilALaterVersionIsApproved()
    {
        var submitted = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, targetAccuracy: 0.5));
        var jobId = submitted.Request.JobId!.Value;
        var decisions = _host.Get<VersionDecisions>();
        await _host.RunRoundByHandAsync(jobId);
        var round2 = await _host.StartRoundByHandAsync(jobId);
        await decisions.RejectAsync(await VersionIdAsync(jobId, 1), TestData.Approver, "not on this data");
        await _host.TrainAllAsync(round2);
        await _host.Get<RoundAggregator>().AggregateAsync(round2.Id);
        await Sync.SyncAsync(submitted.Request.Id, CancellationToken.None);
        Assert.Equal(TrainingRequestStatus.Training, (await RequestAsync(submitted.Request.Id)).Status);
        Assert.Equal(JobStatus.Running, (await JobAsync(jobId)).Status);

        await decisions.ApproveAsync(await VersionIdAsync(jobId, 2), TestData.Approver, null);
        await Sync.SyncAsync(submitted.Request.Id, CancellationToken.None);
        await _host.StartRoundByHandAsync(jobId);

        var (request, job) = (await RequestAsync(submitted.Request.Id), await JobAsync(jobId));
        Assert.Equal((TrainingRequestStatus.Met, RequestEndCondition.Met), (request.Status, request.EndCondition));
        Assert.Equal((JobStatus.Completed, JobEndCondition.TargetAccuracy), (job.Status, job.EndCondition));
    }

    private async Task<int> VersionIdAsync(int jobId, int number)
    {
        await using var db = _host.Db();
        return await db.ModelVersions.Where(v => v.JobId == jobId && v.Number == number).Select(v => v.Id).SingleAsync();
    }
}
