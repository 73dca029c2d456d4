using FedDashboard.Agent;
using FedDashboard.Protocol;
using System.Net;
using System.Runtime.Versioning;

namespace FedDashboard.Tests.Agent;

[SupportedOSPlatform("linux")]
public sealed class ResilienceTests
{
    private readonly Resilience _resilience = new(new AgentLog(TextWriter.Null), TimeSpan.FromMilliseconds(40));

    [Fact]
    public void Backoff_DoublesFromHalfASecond_WithinTheUpperHalf()
    {
        var resilience = new Resilience(new AgentLog(TextWriter.Null));

        Assert.InRange(resilience.Backoff(0).TotalSeconds, 0.25, 0.5);
        Assert.InRange(resilience.Backoff(2).TotalSeconds, 1, 2);
        Assert.InRange(resilience.Backoff(40).TotalSeconds, 5, 10);
    }

    [Fact]
    public async Task CallAsync_NetworkFailuresThenAnswer_TriesUntilAnswered()
    {
        var calls = 0;

        var answer = await _resilience.CallAsync("test", _ => ++calls < 3 ? throw new HttpRequestException("cut") : Task.FromResult(42), CancellationToken.None);

        Assert.Equal((42, 3), (answer, calls));
    }

    [Fact]
    public async Task CallAsync_RefusalOtherThanRateLimit_GoesToTheCaller()
    {
        var calls = 0;

        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(() => _resilience.CallAsync<int>("test", _ =>
        {
            calls++;
            throw new TerminalProtocolException(ProtocolError.AssignmentClosed, "closed");
        }, CancellationToken.None));

        Assert.Equal((ProtocolError.AssignmentClosed, 1), (refusal.Code, calls));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void IsTransient_ByStatus(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, Resilience.IsTransient(new HttpRequestException("x", null, status)));
}
