using FedDashboard.Agent.Telemetry;
using FedDashboard.Protocol;
using System.Runtime.InteropServices;

namespace FedDashboard.Agent;

/// <summary>The agent's entry point: a named class, so a test project referencing both the agent and the web app sees one Program.</summary>
internal static class AgentProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(AgentArguments.Usage);
            return 0;
        }
        AgentArguments arguments;
        try
        {
            arguments = AgentArguments.Parse(args);
        }
        catch (ArgumentException problem)
        {
            Console.Error.WriteLine($"fed-agent: {problem.Message}");
            Console.Error.WriteLine(AgentArguments.Usage);
            return AgentStopException.BadStart;
        }

        var log = new AgentLog(Console.Out);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        try
        {
            var state = new AgentState(arguments.State);
            log.Say($"Loading the training data from {arguments.Data ?? arguments.DemoMnist}.");
            using var data = AgentData.Load(arguments);
            log.Say($"{data.Samples:N0} samples of '{data.App}' ready.");
            var route = new EdgeRoute(arguments.Edge, log, TimeProvider.System);
            using var http = new HttpClient(new EdgeRouting(route) { InnerHandler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) } })
            {
                BaseAddress = arguments.Edge,
                Timeout = TimeSpan.FromSeconds(60),
            };
            var channel = new HttpTerminalChannel(http, TerminalAgent.Version);
            var telemetry = new MachineTelemetry();
            var resilience = new Resilience(log);
            var uploads = new ResultUpload(state, channel, resilience, log);
            var work = new AssignmentWork(channel, data, new ModelCache(state, channel, resilience, log), new TrainingRun(channel, telemetry, arguments, log),
                uploads, telemetry, arguments, resilience, log);
            log.Say($"{TerminalAgent.Version} for {arguments.Edge}, state in {arguments.State}.");
            await new TerminalAgent(arguments, state, channel, route, data, telemetry, work, uploads, resilience, log).RunAsync(stop.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            log.Say("Stopped before the agent was online.");
            return 0;
        }
        catch (AgentStopException problem)
        {
            log.Say(problem.Message);
            return problem.ExitCode;
        }
        catch (Exception problem) when (problem is IOException or InvalidDataException or UnauthorizedAccessException or TerminalProtocolException or InvalidOperationException)
        {
            log.Say($"Stopped: {problem.Message}");
            return 1;
        }
        catch (Exception problem)
        {
            // Anything else is a bug; say it in the log the operator reads rather than only on the error stream.
            log.Say($"Stopped by an unexpected error: {problem}");
            return 1;
        }
    }
}
