using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>Every step of a round is timed where it runs and added to the round's totals, by the app's own role.</summary>
public sealed class RoundStepTimesTests
{
    [Fact]
    public async Task CompletedRound_RecordsEveryStep_WithDurationsThatFitTheRound()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: true, terminals: 20, withRoles: true);
        var job = await host.Get<JobLauncher>().LaunchAsync("timed", TestData.Settings(), TestData.Policy(maxRounds: 1));

        var times = await Eventually.WaitForAsync(async () =>
        {
            await using var db = host.Db();
            var rows = await db.RoundStepTimes.Where(t => db.Rounds.Any(r => r.Id == t.RoundId && r.JobId == job.Id)).ToDictionaryAsync(t => t.Step);
            return rows.ContainsKey(RoundStep.Rewarding) ? rows : null;
        }, TimeSpan.FromMinutes(3), "the round to be rewarded and its step times written");

        await using var db = host.Db();
        var round = await db.Rounds.Include(r => r.Participants).SingleAsync(r => r.JobId == job.Id);
        var reported = round.Participants.Count(p => p.Status == ParticipantStatus.Reported);
        var edgesWithResults = round.Participants.Where(p => p.Status == ParticipantStatus.Reported).Select(p => p.EdgeId).Distinct().Count();
        var wall = (round.EndedAt!.Value - round.StartedAt).TotalSeconds;
        Assert.True(reported > 0, "some terminal should report");
        Assert.Equal(Enum.GetValues<RoundStep>(), times.Keys.Order());
        Assert.All(times.Values, t => Assert.True(t.TotalSeconds >= 0 && t.LongestSeconds >= 0 && t.LongestSeconds <= t.TotalSeconds + 1e-9, $"{t.Step}: {t.TotalSeconds} s, longest {t.LongestSeconds} s"));
        // Start: the central split, in which every edge selects its terminals, as no node of its own serves one here; for
        // the same reason the central step judges all edges' results at once, and aggregates each edge's.
        Assert.Equal([1, reported, reported, reported, 1, edgesWithResults, 1, 1, 1],
            Enum.GetValues<RoundStep>().Select(s => times[s].Count));
        // Each terminal's steps run between the round's start and its end; the edges' steps and the centre's run one after another.
        Assert.All(new[] { RoundStep.Download, RoundStep.Training, RoundStep.Upload }, s => Assert.True(times[s].LongestSeconds <= wall, $"{s}'s longest run {times[s].LongestSeconds} s exceeds the round's {wall} s"));
        var afterCollecting = new[] { RoundStep.Evaluation, RoundStep.Aggregation, RoundStep.Combination, RoundStep.Versioning }.Sum(s => times[s].TotalSeconds);
        Assert.True(afterCollecting <= wall, $"evaluation to versioning took {afterCollecting} s, more than the round's {wall} s");
    }
}
