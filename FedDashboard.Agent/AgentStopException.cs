namespace FedDashboard.Agent;

/// <summary>Why the agent cannot go on, said to the person running it, and the exit code it ends with.</summary>
internal sealed class AgentStopException(string message, int exitCode) : Exception(message)
{
    public const int BadStart = 2;
    public const int CredentialRefused = 3;

    public int ExitCode { get; } = exitCode;
}
