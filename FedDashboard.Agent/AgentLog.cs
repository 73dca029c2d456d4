namespace FedDashboard.Agent;

/// <summary>What the agent does, in plain sentences on the console, one line each with the time. Thread-safe.</summary>
internal sealed class AgentLog(TextWriter output)
{
    public void Say(string sentence)
    {
        lock (output) output.WriteLine($"{DateTime.Now:HH:mm:ss} {sentence}");
    }
}
