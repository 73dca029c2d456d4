using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Tests.Core.Callbacks;

/// <summary>The check at submit time, which resolves the host's name with the machine's resolver.</summary>
public sealed class CallbackUrlCheckTests
{
    [Fact]
    public async Task CheckAsync_NameResolvingToLoopback_RefusedNamingTheAddress()
    {
        await using var services = CallbackServices.Build(new Dictionary<string, string?>());

        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() => services.GetRequiredService<CallbackUrlCheck>().CheckAsync("https://localhost/hooks/fed"));

        Assert.Matches(@"^The callback URL has a host, localhost, that resolves to (127\.0\.0\.1|::1), a loopback address; callbacks go to public addresses only\.$", refusal.Message);
    }

    [Fact]
    public async Task CheckAsync_NameThatDoesNotResolve_Refused()
    {
        await using var services = CallbackServices.Build(new Dictionary<string, string?>());

        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() => services.GetRequiredService<CallbackUrlCheck>().CheckAsync("https://no-such-host.invalid/hooks/fed"));

        Assert.Equal("The callback URL has a host, no-such-host.invalid, that could not be resolved to an address.", refusal.Message);
    }

    [Fact]
    public async Task CheckAsync_NameResolvingToLoopbackWhereAllowed_ReturnsIt()
    {
        await using var services = CallbackServices.Build(CallbackServices.ToLocalReceivers);

        var uri = await services.GetRequiredService<CallbackUrlCheck>().CheckAsync("http://localhost:8080/hooks/fed");

        Assert.Equal(8080, uri.Port);
    }

    [Fact]
    public async Task CheckAsync_ConfiguredOwnUrl_Refused()
    {
        await using var services = CallbackServices.Build(CallbackServices.ToLocalReceivers.With("Fed:Callbacks:OwnUrls:0", "https://fed.example.org"));

        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() => services.GetRequiredService<CallbackUrlCheck>().CheckAsync("https://fed.example.org/api/v1/requests"));

        Assert.Contains("points at fed.example.org, this application itself", refusal.Message);
    }
}
