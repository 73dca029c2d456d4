using FedDashboard.Core.Domain.Refusals;
using System.Net;

namespace FedDashboard.Core.Domain.Callbacks;

/// <summary>
/// The rules a callback URL must pass, with a refusal that says what is wrong. <see cref="Parse"/> checks the URL as
/// written; <see cref="AddressRefusal"/> checks each address its host resolves to, when the client submits it and again
/// on every connection (a name may resolve elsewhere later).
/// </summary>
public static class CallbackUrlRules
{
    public const int MaxLength = 2000;
    public const string Field = "callbackUrl";

    private static readonly string[] MetadataNames = ["metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal"];

    /// <exception cref="InvalidInputException">The URL breaks a rule; the message names it.</exception>
    public static Uri Parse(string? url, CallbackUrlPolicy policy)
    {
        if (string.IsNullOrWhiteSpace(url)) throw Refused("is empty.");
        if (url.Length > MaxLength) throw Refused($"has {url.Length} characters; at most {MaxLength} are accepted.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
            throw Refused("is not an absolute URL such as https://example.com/fed-callback.");
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) throw Refused($"must use https (it uses {uri.Scheme}).");
        if (uri.Scheme == Uri.UriSchemeHttp && !policy.AllowHttp) throw Refused("must use https: this server does not send callbacks over plain http.");
        if (uri.UserInfo.Length > 0) throw Refused("must not contain a user name or password: callbacks are signed instead (see the webhook-signature header).");
        if (uri.Fragment.Length > 0) throw Refused("must not have a fragment (the part after #): it is never sent to the receiver.");

        var host = uri.IdnHost.TrimEnd('.');
        if (MetadataNames.Contains(host, StringComparer.OrdinalIgnoreCase)) throw Refused($"points at {host}, a cloud metadata service; callbacks go to public addresses only.");
        if (policy.Own.Includes(host)) throw Refused($"points at {host}, this application itself; callbacks go to the client's own server.");
        if (IPAddress.TryParse(host, out var address) && AddressRefusal(address, uri.Port, policy) is { } refusal) throw Refused($"points at {refusal}");
        return uri;
    }

    /// <summary>Why a callback may not connect to this address and port, as "{address}, {what it is}; {what to do}.", or null when it may.</summary>
    public static string? AddressRefusal(IPAddress address, int port, CallbackUrlPolicy policy)
    {
        if (CallbackAddresses.Refusal(address, policy.AllowLoopback, policy.AllowPrivateNetworks) is { } kind)
            return $"{address}, {kind}; callbacks go to public addresses only.";
        return policy.Own.Includes(address, port) ? $"{address} port {port}, where this application itself listens; callbacks go to the client's own server." : null;
    }

    /// <summary>A refusal of the URL: "The callback URL " and <paramref name="what"/>.</summary>
    public static InvalidInputException Refused(string what) => new($"The callback URL {what}", Field);
}
