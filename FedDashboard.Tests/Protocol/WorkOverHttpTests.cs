using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Protocol;

/// <summary>A terminal's work in a round over HTTP: its assignment, the decision, the model, progress and a lighter model.</summary>
public sealed class WorkOverHttpTests : IAsyncDisposable
{
    private WorkRound? _round;

    public async ValueTask DisposeAsync()
    {
        if (_round is not null) await _round.DisposeAsync();
    }

    private async Task<WorkRound> StartAsync(bool accept = true, IDictionary<string, string?>? settings = null) =>
        _round = await WorkRound.StartAsync(settings, accept: accept);

    private async Task<RoundParticipant> StoredAsync(int participantId)
    {
        await using var db = _round!.Server.Host.Db();
        return await db.RoundParticipants.AsNoTracking().SingleAsync(p => p.Id == participantId);
    }

    [Fact]
    public async Task Current_BeforeAndAfterAccepting_OfferedThenTrainingTheFullModel()
    {
        var round = await StartAsync(accept: false);

        var offered = round.Info;
        await round.Terminal.DecideAsync(round.Target.Id, new Decision(true, null));
        var training = await round.Terminal.CurrentAsync();

        Assert.Equal((AssignmentInfo.Offered, AssignmentInfo.Training), (offered.Status, training!.Status));
        Assert.Equal((round.Target.Id, round.Round.Number, round.Round.Deadline), (offered.AssignmentId, offered.RoundNumber, offered.Deadline));
        Assert.Equal((round.Target.Assignment.BaseModelHash, 1.0, nameof(ModelArchitecture.Mlp2NN)), (offered.ModelHash, offered.Width, offered.Model));
        // 2,950 samples of the terminal's data in batches of 10, one epoch.
        Assert.Equal(295, offered.PlannedSteps);
        Assert.Equal(ParticipantStatus.Training, (await StoredAsync(round.Target.Id)).Status);
    }

    [Fact]
    public async Task Current_FedProxJob_CarriesTheJobsMu()
    {
        var policy = TestData.Policy() with { Aggregation = new AggregationPolicy { Rule = AggregationRule.FedProx, ProximalMu = 0.25 } };
        _round = await WorkRound.StartAsync(accept: false, policy: policy);

        Assert.Equal(0.25, _round.Info.ProximalMu);
    }

    [Fact]
    public async Task Current_FedAvgJob_MuZero()
    {
        var round = await StartAsync(accept: false);

        Assert.Equal(0, round.Info.ProximalMu);
    }

    [Fact]
    public async Task Decide_Decline_ParticipantDeclinedWithTheReasonAndTheRoundCompletesWithoutIt()
    {
        var round = await StartAsync(accept: false);

        var reply = await round.Terminal.DecideAsync(round.Target.Id, new Decision(false, "battery at 12 %"));

        var stored = await StoredAsync(round.Target.Id);
        Assert.Equal((ParticipantStatus.Declined, "battery at 12 %"), (stored.Status, stored.FailureReason));
        Assert.Equal(nameof(ParticipantStatus.Declined), reply.Status);
        Assert.Null(await round.Terminal.CurrentAsync());
        await round.CompleteAsync(uploadTarget: false);
    }

    [Fact]
    public async Task Decide_DeclineWithoutReason_InvalidRequestAndStillOffered()
    {
        var round = await StartAsync(accept: false);

        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(() => round.Terminal.DecideAsync(round.Target.Id, new Decision(false, " ")));

        Assert.Equal(ProtocolError.InvalidRequest, refusal.Code);
        Assert.Equal(ParticipantStatus.Assigned, (await StoredAsync(round.Target.Id)).Status);
    }

    [Fact]
    public async Task Model_HashOfNoOpenAssignment_ModelNotAssigned()
    {
        var round = await StartAsync();
        var elsewhere = ProtocolClient.Sha256([1, 2, 3]);

        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(() => round.Terminal.DownloadAsync(elsewhere));

        Assert.Equal(ProtocolError.ModelNotAssigned, refusal.Code);
    }

    [Fact]
    public async Task LighterModel_NarrowerTierExists_GrantedAndTheNarrowerModelIsTheOneToUpload()
    {
        var round = await StartAsync();

        var reply = await round.Terminal.LighterModelAsync(round.Target.Id, "CPU load 95 %");

        Assert.Equal(0.5, reply.Width);
        var stored = await StoredAsync(round.Target.Id);
        Assert.Equal((0.5, "CPU load 95 %"), (stored.Work.Width, stored.Work.SwapReason));
        var narrower = await round.Terminal.CurrentAsync();
        var model = ParameterSetCodec.Read(new MemoryStream(await round.Terminal.DownloadAsync(narrower!.ModelHash)));
        Assert.Equal([100, 784], model["fc1.weight"].Shape);
        var full = await Assert.ThrowsAsync<TerminalProtocolException>(() => round.Terminal.UploadAsync(round.Target.Id, round.HonestMetadata, round.Model, "full"));
        // The full model is larger than the part the terminal trains now: refused before it is read.
        Assert.Equal(ProtocolError.TooLarge, full.Code);
        var narrowed = SubModel.Extract(ParameterSetCodec.Read(new MemoryStream(round.Model)), new ModelSpec(ModelArchitecture.Mlp2NN), new ModelSpec(ModelArchitecture.Mlp2NN, 0.5));
        using var body = new MemoryStream();
        ParameterSetCodec.Write(body, narrowed);
        Assert.False((await round.Terminal.UploadAsync(round.Target.Id, round.HonestMetadata, body.ToArray(), "narrow")).Duplicate);
    }

    [Fact]
    public async Task LighterModel_EdgeDoesNotSwap_NoLighterModelAndTheWidthStays()
    {
        var round = await StartAsync();
        await FleetPlacement.SetPolicyAsync(round.Server.Host, p => p with { AllowSwaps = false });

        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(() => round.Terminal.LighterModelAsync(round.Target.Id, "CPU load 95 %"));

        Assert.Equal(ProtocolError.NoLighterModel, refusal.Code);
        Assert.Equal(1.0, (await StoredAsync(round.Target.Id)).Work.Width);
    }

    [Fact]
    public async Task Progress_FastEnough_Continue()
    {
        var round = await StartAsync();
        await FleetPlacement.SetPolicyAsync(round.Server.Host, p => p with { ReplaceBelowSpeed = 100 });

        var reply = await round.Terminal.ProgressAsync(round.Target.Id, new ProgressReport(10, 100, 500, 0.3));

        Assert.Equal(ProgressReply.Continue, reply.Action);
        Assert.Equal(ParticipantStatus.Training, (await StoredAsync(round.Target.Id)).Status);
    }

    [Fact]
    public async Task Progress_SlowerThanTheEdgesReference_EdgeHandsOverToAStandbyAndSaysStop()
    {
        var round = await StartAsync();
        await FleetPlacement.SetPolicyAsync(round.Server.Host, p => p with { ReplaceBelowSpeed = 100 });

        var reply = await round.Terminal.ProgressAsync(round.Target.Id, new ProgressReport(10, 100, 20, 0.3));
        var after = await round.Terminal.ProgressAsync(round.Target.Id, new ProgressReport(11, 110, 20, 0.3));

        Assert.Equal((ProgressReply.Stop, ProgressReply.Stop), (reply.Action, after.Action));
        Assert.Contains("below the edge's reference", reply.Reason);
        Assert.Contains("Replaced", after.Reason);
        await using var db = round.Server.Host.Db();
        var standby = await db.RoundParticipants.SingleAsync(p => p.ReplacesParticipantId == round.Target.Id);
        Assert.Equal(ParticipantStatus.Assigned, standby.Status);
    }

    [Fact]
    public async Task Calls_FloodFromOneTerminal_RateLimitedCountedAndNothingChanges()
    {
        var round = await StartAsync(settings: new Dictionary<string, string?> { ["Fed:Terminals:CallsPerSecond"] = "1", ["Fed:Terminals:CallBurst"] = "4" });

        var refusals = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            try
            {
                await round.Terminal.ProgressAsync(round.Target.Id, new ProgressReport(i, i * 10, 500, 0.3));
            }
            catch (TerminalProtocolException refusal)
            {
                refusals.Add(refusal.Code);
            }
        }

        Assert.Contains(ProtocolError.RateLimited, refusals);
        Assert.All(refusals, code => Assert.Equal(ProtocolError.RateLimited, code));
        Assert.Equal(ParticipantStatus.Training, (await StoredAsync(round.Target.Id)).Status);
        await using var db = round.Server.Host.Db();
        Assert.True(await db.TerminalRefusalCounts.AnyAsync(c => c.TerminalId == round.Target.TerminalId && c.Code == ProtocolError.RateLimited));
    }
}
