using FedDashboard.Core.Orchestration.Callbacks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FedDashboard.Hosting;

/// <summary>The addresses Kestrel listens on: configured ones before it starts, the bound ones (real ports) after.</summary>
internal sealed class ServerListeningUrls(IServer server) : IListeningUrls
{
    public IReadOnlyCollection<string> Current => [.. server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
}
