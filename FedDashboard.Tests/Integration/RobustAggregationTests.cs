using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// One round trained for real by five terminals on one edge, one of them (drawn from the fleet's seed) sending its
/// update ×10 through the normal intake; the edge aggregate is checked against the uploads stored for the round.
/// </summary>
public sealed class RobustAggregationTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 5, settings: new Dictionary<string, string?>
    {
        ["Fed:Fleet:AttackerFraction"] = "0.2",
        ["Fed:Fleet:AttackKind"] = "Scale",
        ["Fed:Fleet:AttackScaleFactor"] = "10",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AggregateAsync_CoordinateMedianAndATimesTenAttacker_EveryEdgeElementWithinTheHonestResults()
    {
        var round = await RunRoundAsync(AggregationRule.CoordinateMedian);
        var (start, honest, attacker, aggregate) = await UploadsAsync(round);

        Assert.True(UpdateNorm(attacker, start) > 5 * honest.Max(h => UpdateNorm(h, start)), "the attacker's update went through the intake ×10");
        for (var a = 0; a < aggregate.Arrays.Count; a++)
        {
            for (var i = 0; i < aggregate.Arrays[a].Values.Length; i++)
            {
                var values = honest.Select(h => h.Arrays[a].Values[i]).ToArray();
                var value = aggregate.Arrays[a].Values[i];
                Assert.True(value >= values.Min() && value <= values.Max(), $"{aggregate.Arrays[a].Name}[{i}] = {value} lies outside the honest {values.Min()}..{values.Max()}");
            }
        }
    }

    [Fact]
    public async Task AggregateAsync_NormClippingAndATimesTenAttacker_EdgeUpdateNoLongerThanTheMedianUpload()
    {
        var round = await RunRoundAsync(AggregationRule.NormClipping);
        var (start, honest, attacker, aggregate) = await UploadsAsync(round);

        var norms = honest.Append(attacker).Select(upload => UpdateNorm(upload, start)).Order().ToArray();
        Assert.True(norms[^1] > 5 * norms[^2], "the attacker's update went through the intake ×10");
        // A mean of updates each clipped to the median norm is no longer than that norm.
        Assert.True(UpdateNorm(aggregate, start) <= norms[2] * (1 + 1e-5), $"edge update {UpdateNorm(aggregate, start)} exceeds the median upload norm {norms[2]}");
    }

    private async Task<Round> RunRoundAsync(AggregationRule rule)
    {
        await _host.KeepOnlyAsync([.. Enumerable.Repeat(TestData.Terminal(edge: 0), 5)]);
        var policy = TestData.Policy(maxRounds: 1) with { Aggregation = new AggregationPolicy { Rule = rule } };
        var job = await _host.Get<JobLauncher>().LaunchAsync("robust", TestData.Settings(clientFraction: 1), policy);
        return await _host.RunRoundByHandAsync(job.Id);
    }

    private async Task<(ParameterSet Start, ParameterSet[] Honest, ParameterSet Attacker, ParameterSet Aggregate)> UploadsAsync(Round round)
    {
        await using var db = _host.Db();
        var blobs = _host.Get<ModelBlobStore>();
        var attack = _host.Get<SimulatedAttack>();
        var participants = await db.RoundParticipants.Where(p => p.RoundId == round.Id && p.Status == ParticipantStatus.Reported)
            .Join(db.Terminals, p => p.TerminalId, t => t.Id, (p, t) => new { p.Result.UpdateHash, p.Assignment.BaseModelHash, Terminal = t })
            .ToListAsync();
        Assert.Equal(5, participants.Count);
        var aggregate = await db.EdgeAggregates.SingleAsync(a => a.RoundId == round.Id);
        var uploads = participants.ToLookup(p => attack.IsAttacker(p.Terminal), p => blobs.Get(p.UpdateHash!));
        return (blobs.Get(participants[0].BaseModelHash), [.. uploads[false]], uploads[true].Single(), blobs.Get(aggregate.ModelHash));
    }

    private static double UpdateNorm(ParameterSet model, ParameterSet start) =>
        Math.Sqrt(model.Arrays.Zip(start.Arrays).Sum(pair => pair.First.Values.Zip(pair.Second.Values).Sum(v => Math.Pow(v.First - (double)v.Second, 2))));
}
