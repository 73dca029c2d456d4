using System.Net;
using System.Net.Sockets;

namespace FedDashboard.Core.Domain.Callbacks;

/// <summary>
/// Which IP addresses a callback may reach: public ones only, so a client cannot make this server call into its own
/// network (SSRF). Private ranges and loopback open only by configuration; link-local, the cloud metadata services,
/// unspecified, multicast, broadcast and reserved addresses never.
/// </summary>
public static class CallbackAddresses
{
    private static readonly IPAddress[] MetadataAddresses =
    [
        IPAddress.Parse("169.254.169.254"), // AWS, Azure, GCP, Oracle, OpenStack
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud
        IPAddress.Parse("fd00:ec2::254"),   // AWS over IPv6
    ];

    /// <summary>What kind of forbidden address it is, e.g. "a loopback address", or null when a callback may go there.</summary>
    public static string? Refusal(IPAddress address, bool allowLoopback, bool allowPrivateNetworks)
    {
        var ip = Embedded(address);
        if (MetadataAddresses.Contains(ip)) return "a cloud metadata service address";
        if (ip.AddressFamily == AddressFamily.InterNetwork) return RefusalV4(ip.GetAddressBytes(), allowLoopback, allowPrivateNetworks);
        if (ip.Equals(IPAddress.IPv6None)) return "the unspecified address";
        if (ip.Equals(IPAddress.IPv6Loopback)) return allowLoopback ? null : "a loopback address";
        var bytes = ip.GetAddressBytes();
        if (bytes[0] == 0xff) return "a multicast address";
        if (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80) return "a link-local address";
        if ((bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0xc0) || (bytes[0] & 0xfe) == 0xfc) return allowPrivateNetworks ? null : "a private network address";
        return null;
    }

    private static string? RefusalV4(byte[] b, bool allowLoopback, bool allowPrivateNetworks)
    {
        if (b is [0, ..]) return "the unspecified address";
        if (b is [127, ..]) return allowLoopback ? null : "a loopback address";
        if (b is [169, 254, ..]) return "a link-local address";
        if (b is [255, 255, 255, 255]) return "the broadcast address";
        if (b[0] >= 240) return "a reserved address";
        if (b[0] >= 224) return "a multicast address";
        var isPrivate = b is [10, ..] || (b[0] == 172 && (b[1] & 0xf0) == 16) || b is [192, 168, ..] || (b[0] == 100 && (b[1] & 0xc0) == 64);
        return isPrivate && !allowPrivateNetworks ? "a private network address" : null;
    }

    /// <summary>
    /// The IPv4 address inside an IPv6 one that reaches it (IPv4-mapped, IPv4-compatible ::/96, NAT64 64:ff9b::/96,
    /// 6to4 2002::/16), so that no IPv6 spelling of a forbidden IPv4 address gets through; any other address as it is.
    /// </summary>
    public static IPAddress Embedded(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        var b = address.GetAddressBytes();
        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..]) return new IPAddress(b[12..16]);
        if (b[..12].All(x => x == 0) && (b[12] | b[13] | b[14]) != 0) return new IPAddress(b[12..16]);
        if (b is [0x20, 0x02, ..]) return new IPAddress(b[2..6]);
        return address.ScopeId == 0 ? address : new IPAddress(b);
    }
}
