using System.Net;
using System.Net.Sockets;

namespace FedDashboard.Tests.Shared;

/// <summary>A loopback port nothing listens on now (the OS picks it).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
