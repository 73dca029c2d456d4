using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Options;
using System.Net.NetworkInformation;

namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>This installation's <see cref="CallbackUrlPolicy"/>: its options, and its own addresses as they are now.</summary>
public sealed class CallbackRules(IOptions<CallbackOptions> options, IListeningUrls listening)
{
    public CallbackUrlPolicy Current()
    {
        var o = options.Value;
        var machine = NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address);
        return new CallbackUrlPolicy(o.AllowHttp, o.AllowLoopback, o.AllowPrivateNetworks, OwnEndpoints.Of([.. listening.Current, .. o.OwnUrls], machine));
    }
}
