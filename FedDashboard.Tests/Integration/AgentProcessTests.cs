using FedDashboard.Core.Domain.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// The terminal agent as a separate OS process against the running dashboard, over HTTP: it enrols, is selected, downloads
/// the model, trains with TorchSharp, uploads, and its result is aggregated; it dies mid-training; its upload is cut.
/// </summary>
[Collection(AgentDashboardCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed partial class AgentProcessTests(AgentDashboard dashboard) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private readonly TempFolder _temp = new();
    private readonly string _name = $"agent-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task Agent_EnrolsTrainsAndUploads_ResultAggregatedInTheRoundAndShownOnItsPage()
    {
        var data = _temp.File("data");
        IdxSubset.Write(data, 600);
        await using var agent = await StartAgentAsync(dashboard.BaseAddress, data);
        var terminalId = await EnrolledTerminalAsync(agent);

        var reported = await ReportedParticipationAsync(terminalId, agent);
        var round = await CompletedRoundAsync(reported.RoundId, agent);
        var html = await RoundPageAsync(round.Id);
        var exitCode = await agent.TerminateAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(600, reported.Result.Samples);
        Assert.NotNull(round.ModelVersionId);
        Assert.Contains("Reported", ParticipantRow(html, _name));
        Assert.Contains("Downloaded model", agent.Output);
        Assert.Contains("Uploaded the result", agent.Output);
        Assert.Equal(0, exitCode);
        Assert.Contains("Left the edge", agent.Output);
    }

    [Fact]
    public async Task Agent_KilledMidTraining_TimedOutWithinTwoHeartbeats_RoundGoesOnWithoutIt()
    {
        // All of MNIST's 60,000 training images: thousands of steps, time to die in the middle.
        await using var agent = await StartAgentAsync(dashboard.BaseAddress, TestEnvironment.MnistPath);
        var terminalId = await EnrolledTerminalAsync(agent);
        await agent.WaitForOutputAsync("Training on", Patience);
        var training = await Telling(agent, Eventually.WaitForAsync(async () =>
        {
            await using var db = dashboard.Db();
            return await db.RoundParticipants.AsNoTracking().FirstOrDefaultAsync(p => p.TerminalId == terminalId && p.Status == ParticipantStatus.Training);
        }, Patience, "the agent's participation in training"));

        var killedAt = DateTimeOffset.UtcNow;
        await agent.KillAsync();
        var ended = await Telling(agent, Eventually.WaitForAsync(async () =>
        {
            await using var db = dashboard.Db();
            return await db.RoundParticipants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == training.Id && p.Status != ParticipantStatus.Training);
        }, TimeSpan.FromMinutes(1), "the killed agent's participation to end"));
        var round = await CompletedRoundAsync(ended.RoundId, agent);

        Assert.Equal(ParticipantStatus.TimedOut, ended.Status);
        // Online until two intervals after its last heartbeat; the sweep that notices runs within another interval.
        Assert.True(ended.EndedAt - killedAt <= TimeSpan.FromSeconds(3 * AgentDashboard.HeartbeatSeconds + 2),
            $"Timed out {(ended.EndedAt - killedAt)?.TotalSeconds:0.0} s after the kill.");
        Assert.True(round.EndedAt < round.Deadline.AddSeconds(-AgentDashboard.RoundTimeoutSeconds / 2), "The round waited for its deadline.");
        Assert.Equal(RoundEndReason.AllReported, round.EndReason);
    }

    [Fact]
    public async Task Agent_UploadCutMidBody_SentAgainWithTheSameKey_CountedOnce()
    {
        var data = _temp.File("data");
        IdxSubset.Write(data, 600);
        await using var proxy = new FlakyProxy(dashboard.BaseAddress, "PUT /terminal/v1/assignments/", bytesBeforeCut: 64 * 1024);
        await using var agent = await StartAgentAsync(proxy.Address, data);
        var terminalId = await EnrolledTerminalAsync(agent);

        var reported = await ReportedParticipationAsync(terminalId, agent);
        await CompletedRoundAsync(reported.RoundId, agent);
        await using var db = dashboard.Db();
        var inRound = await db.RoundParticipants.AsNoTracking().Where(p => p.RoundId == reported.RoundId && p.TerminalId == terminalId).ToListAsync();

        Assert.Equal(1, proxy.Cuts);
        Assert.Contains("Could not upload the result", agent.Output);
        var only = Assert.Single(inRound);
        Assert.Equal(ParticipantStatus.Reported, only.Status);
        Assert.NotNull(only.UploadKey);
    }

    private async Task<AgentProcess> StartAgentAsync(Uri edge, string data)
    {
        var code = await dashboard.EnrolmentCodeAsync();
        // Never asks for a lighter model: the dashboard's own training keeps this machine busy, and swaps are not the subject here.
        return AgentProcess.Start("--edge", edge.ToString(), "--code", code, "--data", data, "--state", _temp.File("state"), "--name", _name, "--lighter-above", "1");
    }

    private async Task<int> EnrolledTerminalAsync(AgentProcess agent)
    {
        await agent.WaitForOutputAsync("Enrolled as terminal", Patience);
        var identity = _temp.File(Path.Combine("state", "identity.json"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(identity));
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(identity));
        return document.RootElement.GetProperty("terminalId").GetInt32();
    }

    private Task<RoundParticipant> ReportedParticipationAsync(int terminalId, AgentProcess agent) =>
        Telling(agent, Eventually.WaitForAsync(async () =>
        {
            await using var db = dashboard.Db();
            return await db.RoundParticipants.AsNoTracking().FirstOrDefaultAsync(p => p.TerminalId == terminalId && p.Status == ParticipantStatus.Reported);
        }, Patience, "a reported result of the agent"));

    private Task<Round> CompletedRoundAsync(int roundId, AgentProcess agent) =>
        Telling(agent, Eventually.WaitForAsync(async () =>
        {
            await using var db = dashboard.Db();
            return await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId && r.Phase == RoundPhase.Completed);
        }, Patience, $"round {roundId} to complete"));

    /// <summary>A wait that gave up says what the agent said by then, what the dashboard did and where its rounds and jobs stand.</summary>
    private async Task<T> Telling<T>(AgentProcess agent, Task<T> waiting)
    {
        try
        {
            return await waiting;
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\nThe agent said:\n{agent.Output}\nThe dashboard's last lines:\n{string.Join('\n', dashboard.Output.Split('\n').TakeLast(40))}"
                + $"\nIts database:\n{await RoundStateReport.DescribeAsync(dashboard.ConnectionString)}", timeout);
        }
    }

    private async Task<string> RoundPageAsync(int roundId)
    {
        var (client, _) = await SignedInClient.SignInAsync(dashboard.BaseAddress, DashboardAccounts.AdminName);
        using (client)
        {
            var response = await client.GetAsync($"rounds/{roundId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
    }

    /// <summary>The table row of the participant named <paramref name="terminal"/>: from its cell to the next row.</summary>
    private static string ParticipantRow(string html, string terminal)
    {
        var start = html.IndexOf($"data-participant=\"{terminal}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The round page does not list {terminal}.");
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return Tags().Replace(html[start..end], " ");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    public void Dispose() => _temp.Dispose();
}
