using FedDashboard.Agent.Telemetry;
using FedDashboard.Protocol;
using System.Threading.Channels;

namespace FedDashboard.Agent;

/// <summary>
/// The agent's life: enrol once (or take the credential it holds), send any result a previous run left, then heartbeat
/// with the machine's telemetry while a second loop does the work the heartbeats' replies name, sending its calls to the
/// edge node the replies name (<see cref="EdgeRoute"/>); on stop, leave.
/// </summary>
internal sealed class TerminalAgent(
    AgentArguments args, AgentState state, ITerminalChannel channel, EdgeRoute route, AgentData data, MachineTelemetry telemetry, AssignmentWork work,
    ResultUpload uploads, Resilience resilience, AgentLog log)
{
    public static string Version { get; } = "fed-agent/" + (typeof(TerminalAgent).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    private readonly Channel<int> _wake = Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
    private volatile bool _busy;

    public async Task RunAsync(CancellationToken stop)
    {
        var identity = await IdentityAsync(stop);
        if (state.LoadPending() is { } pending)
        {
            log.Say($"A result of assignment {pending.AssignmentId} from the previous run waits: sending it again with the same key.");
            await uploads.SendAsync(identity.Credential, pending, stop);
        }

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var loops = new[] { HeartbeatLoopAsync(identity, failed.Token), WorkLoopAsync(identity.Credential, failed.Token) };
        var first = await Task.WhenAny(loops);
        await failed.CancelAsync();
        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Asked to stop: leave below.
        }
        catch (Exception) when (first.IsFaulted)
        {
            await first; // the loop that failed first says why
        }
        await LeaveAsync(identity.Credential);
    }

    private async Task<AgentIdentity> IdentityAsync(CancellationToken ct)
    {
        var identity = state.LoadIdentity();
        if (identity is not null && identity.Edge != args.Edge.AbsoluteUri)
            throw new AgentStopException($"{state.IdentityPath} holds the credential of terminal {identity.TerminalId} at {identity.Edge}; " +
                                         $"give that --edge, or another --state folder to enrol with {args.Edge}.", AgentStopException.BadStart);
        if (identity is null)
        {
            identity = await EnrolAsync(ct);
        }
        else
        {
            log.Say($"Using the credential of terminal {identity.TerminalId} kept in {state.IdentityPath}{(args.Code is null ? "" : "; --code is not needed any more")}.");
        }
        if (args.Rotate)
        {
            var rotated = await Refusing(() => resilience.CallAsync("rotate the credential", token => channel.RotateCredentialAsync(identity.Credential, token), ct));
            identity = identity with { Credential = rotated.Credential };
            state.Save(identity);
            log.Say("Rotated the credential: the old one no longer works, the new one is kept in its place.");
        }
        return identity;
    }

    private async Task<AgentIdentity> EnrolAsync(CancellationToken ct)
    {
        if (args.Code is null)
            throw new AgentStopException("This agent has not enrolled yet: give --code with an enrolment code from the dashboard's Terminals page.", AgentStopException.BadStart);
        var request = new EnrolRequest(args.Code, args.Name, "IoT", Tier(), data.App, data.Samples, data.UpdatedAt, data.Anonymized, Version);
        Enrolled enrolled;
        try
        {
            enrolled = await resilience.CallAsync("enrol", token => channel.EnrolAsync(request, token), ct);
        }
        catch (TerminalProtocolException refusal)
        {
            throw new AgentStopException($"The edge refused the enrolment ({refusal.Code}): {refusal.Message}", AgentStopException.BadStart);
        }
        var identity = AgentIdentity.From(args.Edge, enrolled);
        state.Save(identity);
        log.Say($"Enrolled as terminal {enrolled.TerminalId} with edge {enrolled.EdgeId}; the credential is kept in {state.IdentityPath}, readable only by you.");
        return identity;
    }

    private async Task HeartbeatLoopAsync(AgentIdentity identity, CancellationToken ct)
    {
        var (x, y) = args.Position ?? (identity.EdgeX, identity.EdgeY);
        var interval = TimeSpan.FromSeconds(identity.HeartbeatSeconds);
        int? lastEdge = -1;
        while (true)
        {
            var load = telemetry.CpuLoad();
            var battery = telemetry.Battery();
            var wantsWork = !_busy && battery >= args.DeclineBelowBattery && load.Others <= args.LighterAbove;
            var request = new HeartbeatRequest(x, y, load.Machine, telemetry.FreeMemoryMb(), battery, data.App, data.Samples, data.UpdatedAt, wantsWork, Version);
            var reply = await Refusing(() => resilience.CallAsync("send a heartbeat", token => channel.HeartbeatAsync(identity.Credential, request, token), ct));
            if (reply.EdgeId != lastEdge)
            {
                log.Say(reply.EdgeId is { } edge
                    ? $"Online at ({x:0.#}, {y:0.#}) in the coverage of edge {edge}; CPU {load.Machine:P0}, battery {battery:P0}."
                    : $"Online at ({x:0.#}, {y:0.#}), outside every edge's coverage: no work until it moves in.");
                lastEdge = reply.EdgeId;
            }
            route.Follow(reply.EdgeNodeUrl);
            if (reply.AssignmentId is { } assignment && !_busy) _wake.Writer.TryWrite(assignment);
            if (reply.HeartbeatSeconds > 0) interval = TimeSpan.FromSeconds(reply.HeartbeatSeconds);
            await Task.Delay(interval, ct);
        }
    }

    private async Task WorkLoopAsync(string credential, CancellationToken ct)
    {
        await foreach (var _ in _wake.Reader.ReadAllAsync(ct))
        {
            _busy = true;
            try
            {
                await Refusing(() => work.DoAsync(credential, ct));
            }
            catch (Exception failure) when (failure is not AgentStopException && !ct.IsCancellationRequested)
            {
                // One assignment gone wrong (a damaged model, a refusal the agent has no answer to) is no reason to go offline.
                log.Say($"Gave up on the assignment: {failure.GetBaseException().Message}");
            }
            finally
            {
                _busy = false;
            }
            // A heartbeat during the work may still name the assignment just finished.
            while (_wake.Reader.TryRead(out var _)) { }
        }
    }

    private async Task LeaveAsync(string credential)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await channel.LeaveAsync(credential, timeout.Token);
            log.Say("Left the edge: offline until the next start.");
        }
        catch (Exception failure) when (failure is TerminalProtocolException || Resilience.IsTransient(failure))
        {
            log.Say($"Could not tell the edge it leaves ({failure.GetBaseException().Message.TrimEnd('.')}); it will count the agent offline after two heartbeat intervals.");
        }
    }

    /// <summary>A refused credential or enrolment code stops the agent with what to do about it.</summary>
    private static async Task<T> Refusing<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (TerminalProtocolException refusal) when (refusal.Code is ProtocolError.Unauthenticated or ProtocolError.CredentialRevoked)
        {
            throw new AgentStopException($"The edge no longer accepts this agent's credential ({refusal.Code}: {refusal.Message}). " +
                                         "Delete the state folder's identity.json and enrol again with a new code.", AgentStopException.CredentialRefused);
        }
    }

    private static Task Refusing(Func<Task> call) => Refusing(async () =>
    {
        await call();
        return true;
    });

    private static string Tier() => Environment.ProcessorCount switch
    {
        >= 8 => "High",
        >= 4 => "Mid",
        _ => "Low",
    };
}
