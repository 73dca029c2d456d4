using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Simulation;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FedDashboard.Tests.Protocol;

/// <summary>
/// A round started by hand behind a <see cref="TerminalServer"/>: its first participant is the terminal under test,
/// speaking HTTP (by default it has accepted and downloaded its model); the others train in process.
/// </summary>
public sealed class WorkRound : IAsyncDisposable
{
    private WorkRound(TerminalServer server, FakeTimeProvider clock, Round round, ProtocolClient terminal, HttpClient http, AssignmentInfo info, byte[] model, int dataSamples)
    {
        Server = server;
        Clock = clock;
        Round = round;
        Terminal = terminal;
        Http = http;
        Info = info;
        Model = model;
        DataSamples = dataSamples;
    }

    public TerminalServer Server { get; }
    public FakeTimeProvider Clock { get; }
    public Round Round { get; }
    public IReadOnlyList<RoundParticipant> Participants => [.. Round.Participants.OrderBy(p => p.Id)];
    public RoundParticipant Target => Participants[0];
    public IReadOnlyList<RoundParticipant> Others => Participants.Skip(1).ToList();
    public ProtocolClient Terminal { get; }
    public HttpClient Http { get; }
    public AssignmentInfo Info { get; }

    /// <summary>The model the terminal downloaded, encoded: uploaded as it is, a valid result.</summary>
    public byte[] Model { get; }

    public int DataSamples { get; }
    public ResultMetadata HonestMetadata => new(100, 0.5, 0.8, 1000, Info.PlannedSteps, Info.PlannedSteps);

    public static async Task<WorkRound> StartAsync(IDictionary<string, string?>? settings = null, TrainingSettings? training = null, bool accept = true, JobPolicy? policy = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var server = await TerminalServer.StartAsync(settings: settings, clock: clock);
        try
        {
            var host = server.Host;
            var job = await host.Get<JobLauncher>().LaunchAsync("test", training ?? TestData.Settings(), policy);
            var round = await host.StartRoundByHandAsync(job.Id);
            var target = round.Participants.OrderBy(p => p.Id).First();
            var http = server.Client();
            var terminal = new ProtocolClient(http, host.Get<SimulatedCredentials>().For(target.TerminalId)!);
            var info = await terminal.CurrentAsync() ?? throw new InvalidOperationException("The first participant has no assignment.");
            if (accept) await terminal.DecideAsync(target.Id, new Decision(true, null));
            var model = await terminal.DownloadAsync(info.ModelHash);
            await using var db = host.Db();
            var dataSamples = await db.Terminals.Where(t => t.Id == target.TerminalId).Select(t => t.DataSamples).SingleAsync();
            return new WorkRound(server, clock, round, terminal, http, info, model, dataSamples);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The other participants train in process and the round aggregates; every participant's result is in it.</summary>
    public async Task CompleteAsync(bool uploadTarget = true)
    {
        var host = Server.Host;
        foreach (var other in Others) await host.Get<SimulatedTerminal>().TrainAsync(other.Id);
        if (!uploadTarget) Clock.Advance(TimeSpan.FromSeconds(TestData.Settings().RoundTimeoutSeconds + 1));
        await host.Get<RoundAggregator>().AggregateAsync(Round.Id);

        await using var db = host.Db();
        var round = await db.Rounds.Include(r => r.Participants).AsNoTracking().SingleAsync(r => r.Id == Round.Id);
        Assert.Equal(RoundPhase.Completed, round.Phase);
        var reported = round.Participants.Where(p => p.Status == ParticipantStatus.Reported).Select(p => p.Id).Order();
        Assert.Equal(uploadTarget ? Participants.Select(p => p.Id) : Others.Select(p => p.Id), reported);
        var contributors = await db.EdgeAggregates.Where(a => a.RoundId == Round.Id).SumAsync(a => a.Contributors);
        Assert.Equal(reported.Count(), contributors);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
