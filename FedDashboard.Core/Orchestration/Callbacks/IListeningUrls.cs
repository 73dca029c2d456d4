namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>The URLs this process's web server listens on, read on every check (a server learns its ports when it starts).</summary>
public interface IListeningUrls
{
    IReadOnlyCollection<string> Current { get; }
}

/// <summary>A host without a web server (the embedded orchestrator) listens nowhere.</summary>
internal sealed class NoListeningUrls : IListeningUrls
{
    public IReadOnlyCollection<string> Current => [];
}
