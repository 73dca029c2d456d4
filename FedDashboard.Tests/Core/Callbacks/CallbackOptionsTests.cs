using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FedDashboard.Tests.Core.Callbacks;

public sealed class CallbackOptionsTests
{
    [Fact]
    public void Validate_Defaults_HttpsToPublicAddressesOnlyAndNoProblem()
    {
        var options = new CallbackOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((false, false, false), (options.AllowHttp, options.AllowLoopback, options.AllowPrivateNetworks));
    }

    [Fact]
    public void RetryDelays_Defaults_AboutADayInAll() =>
        Assert.InRange(new CallbackOptions().RetryDelays.Aggregate(TimeSpan.Zero, (sum, delay) => sum + delay), TimeSpan.FromHours(24), TimeSpan.FromHours(30));

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void Validate_TimeoutOutsideTheRange_NamesTheKeyAndTheRange(int seconds) =>
        Assert.Contains($"TimeoutSeconds must be 1 to 60 (was {seconds}).", new CallbackOptions { TimeoutSeconds = seconds }.Validate());

    [Fact]
    public void Validate_ARetryDelayOfZero_NamesTheKeyAndTheRange() =>
        Assert.Contains("RetryDelaysSeconds entries must be 1 to 86400 (one was 0).", new CallbackOptions { RetryDelaysSeconds = [10, 0] }.Validate());

    [Fact]
    public void Validate_OwnUrlNotAbsolute_NamesTheKey() =>
        Assert.Contains("OwnUrls entries must be absolute URLs such as https://fed.example.org (one was \"fed.example.org\").",
            new CallbackOptions { OwnUrls = ["fed.example.org"] }.Validate());

    /// <summary>Configuration binding appends to an array that has elements; the schedule from configuration replaces the default.</summary>
    [Fact]
    public async Task RetryDelays_FromConfiguration_ReplaceTheDefault()
    {
        await using var services = CallbackServices.Build(new Dictionary<string, string?>
        {
            ["Fed:Callbacks:RetryDelaysSeconds:0"] = "5",
            ["Fed:Callbacks:RetryDelaysSeconds:1"] = "50",
        });

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(50)], services.GetRequiredService<IOptions<CallbackOptions>>().Value.RetryDelays);
    }
}
