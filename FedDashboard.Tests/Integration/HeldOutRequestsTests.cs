using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// A request's condition on a held-out set the client names, and its data restricted to a terminal group, through the
/// real services on PostgreSQL with TorchSharp evaluating the versions.
/// </summary>
public sealed class HeldOutRequestsTests : IAsyncLifetime
{
    private const string FirstHalfOfDigits = "mnist-test-digits-0-4";
    private const int AlwaysOne = 1;

    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private FedTestHost _host = null!;
    private ClientApplication _client = null!;

    private TrainingRequests Requests => _host.Get<TrainingRequests>();
    private DateTimeOffset InAnHour => TestData.Now.AddHours(1);

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 12, clock: _clock);
        _client = await _host.Get<ClientRegistry>().RegisterAsync(TestClients.Administrator, TestClients.Details());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<int> StoredRequestsAsync()
    {
        await using var db = _host.Db();
        return await db.TrainingRequests.CountAsync() + await db.TrainingJobs.CountAsync();
    }

    [Fact]
    public async Task SubmitAsync_UnknownHeldOutSet_RefusedAtItsFieldAndNothingCreated()
    {
        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, heldOutSet: "mnist-train")));

        Assert.Equal(RequestFields.HeldOutSet, refusal.Field);
        Assert.StartsWith("There is no held-out set 'mnist-train'; the held-out sets are mnist-test, ", refusal.Message);
        Assert.Equal(0, await StoredRequestsAsync());
    }

    [Fact]
    public async Task SubmitAsync_UnknownTerminalGroup_RefusedAtItsFieldAndNothingCreated()
    {
        await FleetPlacement.SetPolicyAsync(_host, p => p with { Groups = [new GroupRule("phones", GroupField.Type, "Phone")] });

        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, terminalGroup: "tablets")));

        Assert.Equal((RequestFields.TerminalGroup, "There is no terminal group 'tablets'; the edges' policies name phones."), (refusal.Field, refusal.Message));
        Assert.Equal(0, await StoredRequestsAsync());
    }

    [Fact]
    public async Task SubmitAsync_HeldOutSetAndGroup_KeptInTheBodyHash()
    {
        await FleetPlacement.SetPolicyAsync(_host, p => p with { Groups = [new GroupRule("phones", GroupField.Type, "Phone")] });
        await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, heldOutSet: FirstHalfOfDigits));

        await Assert.ThrowsAsync<ConflictException>(() => Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour)));
        await Assert.ThrowsAsync<ConflictException>(() =>
            Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, heldOutSet: FirstHalfOfDigits, terminalGroup: "phones")));
        var again = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, heldOutSet: FirstHalfOfDigits));
        Assert.Equal(FirstHalfOfDigits, again.Request.Condition.HeldOutSet);
    }

    [Fact]
    public async Task SyncAsync_ApprovedVersionMeetsTheTargetOnTheSetOnly_MetByItsAccuracyOnTheSet()
    {
        var submitted = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, targetAccuracy: 0.2, heldOutSet: FirstHalfOfDigits));
        var jobId = submitted.Request.JobId!.Value;
        var (version, fullAccuracy) = await ApprovedAlwaysOneAsync(jobId);

        await _host.Get<RequestStatusSync>().SyncAsync(submitted.Request.Id, CancellationToken.None);

        await using var db = _host.Db();
        var labels = MnistLoader.Load(TestEnvironment.MnistPath).Test.Labels;
        var expected = labels.Count(l => l == AlwaysOne) / (double)labels.Count(l => l <= 4);
        var evaluation = await db.HeldOutEvaluations.AsNoTracking().SingleAsync(e => e.VersionId == version.Id);
        var request = await db.TrainingRequests.AsNoTracking().SingleAsync(r => r.Id == submitted.Request.Id);
        Assert.True(fullAccuracy < 0.2, $"On the whole test set the model has {fullAccuracy:P2}, which must miss the target.");
        Assert.Equal(FirstHalfOfDigits, evaluation.SetName);
        Assert.Equal(expected, evaluation.Accuracy, 9);
        Assert.Equal(TrainingRequestStatus.Met, request.Status);
        Assert.Contains($"on the held-out set {FirstHalfOfDigits}", request.EndReason);
        var progress = await RequestProgress.OfAsync(db, request, CancellationToken.None);
        Assert.Equal(expected, progress.BestAccuracy!.Value, 9);
        var job = await db.TrainingJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        Assert.Equal((null, JobStatus.Aborted), (job.Policy.Termination.TargetAccuracy, job.Status));
    }

    [Fact]
    public async Task SyncAsync_SameVersionWithoutHeldOutSet_NotMetByItsTestAccuracy()
    {
        var submitted = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, targetAccuracy: 0.2));
        await ApprovedAlwaysOneAsync(submitted.Request.JobId!.Value);

        await _host.Get<RequestStatusSync>().SyncAsync(submitted.Request.Id, CancellationToken.None);

        await using var db = _host.Db();
        Assert.Equal(TrainingRequestStatus.Training, (await db.TrainingRequests.AsNoTracking().SingleAsync(r => r.Id == submitted.Request.Id)).Status);
        Assert.Empty(await db.HeldOutEvaluations.ToListAsync());
    }

    [Fact]
    public async Task StartNextRound_RequestNamesTerminalGroup_OnlyItsTerminalsParticipate()
    {
        await FleetPlacement.SetPolicyAsync(_host, p => p with { Groups = [new GroupRule("phones", GroupField.Type, "Phone")] });
        var submitted = await Requests.SubmitAsync(_client.Id, "order-1", TestRequests.Submission(InAnHour, terminalGroup: "Phones"));

        var round = await _host.StartRoundByHandAsync(submitted.Request.JobId!.Value);

        await using var db = _host.Db();
        var ids = round.Participants.Select(p => p.TerminalId).ToList();
        var types = await db.Terminals.Where(t => ids.Contains(t.Id)).Select(t => t.Type).ToListAsync();
        var phones = await db.Terminals.CountAsync(t => t.Type == TerminalType.Phone && t.EdgeId != null);
        Assert.True(phones > 0 && phones < await db.Terminals.CountAsync(t => t.EdgeId != null), "The fleet must hold phones and other terminals.");
        Assert.NotEmpty(types);
        Assert.All(types, type => Assert.Equal(TerminalType.Phone, type));
    }

    /// <summary>
    /// A first round started (a version needs its round), then a model that always answers 1, promoted and approved: on
    /// the whole test set it is right on about 11 % of the images, on the digits 0 to 4 on about 22 %.
    /// </summary>
    private async Task<(ModelVersion Version, double FullAccuracy)> ApprovedAlwaysOneAsync(int jobId)
    {
        var round = await _host.StartRoundByHandAsync(jobId);
        var blobs = _host.Get<ModelBlobStore>();
        await using var db = _host.Db();
        var initial = await db.ModelVersions.SingleAsync(v => v.JobId == jobId && v.Number == 0);
        var parameters = AlwaysAnswering(blobs.Get(initial.ModelHash), AlwaysOne);
        var full = ModelEvaluator.Evaluate(new ModelSpec(ModelArchitecture.Mlp2NN), parameters, _host.Get<FederatedData>().Test);
        var version = ModelVersion.Promoted(initial, 1, round.Id, blobs.Put(parameters), full.Accuracy, full.Loss, TestData.Now);
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync();
        version.Approve("arthur", "a test's model", TestData.Now);
        await db.SaveChangesAsync();
        return (version, full.Accuracy);
    }

    /// <summary>The model with its output layer's weights zeroed and its bias favouring one class.</summary>
    private static ParameterSet AlwaysAnswering(ParameterSet model, int digit)
    {
        var output = model.Arrays[^1].Name;
        var weights = model.Arrays[^2].Name;
        return new(model.Arrays.Select(a => a.Name == weights
            ? a with { Values = new float[a.Values.Length] }
            : a.Name == output ? a with { Values = [.. Enumerable.Range(0, a.Values.Length).Select(i => i == digit ? 1f : 0f)] } : a));
    }
}
