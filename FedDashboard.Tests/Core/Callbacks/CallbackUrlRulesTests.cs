using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Refusals;
using System.Net;

namespace FedDashboard.Tests.Core.Callbacks;

public sealed class CallbackUrlRulesTests
{
    /// <summary>As in production: https only, public addresses only; the app is fed.example.org and listens on every address at 5093.</summary>
    private static readonly CallbackUrlPolicy Production = Policy();

    private static CallbackUrlPolicy Policy(bool http = false, bool loopback = false, bool privateNetworks = false, string[]? own = null) =>
        new(http, loopback, privateNetworks, OwnEndpoints.Of(own ?? ["https://fed.example.org", "http://*:5093"], [IPAddress.Parse("198.51.100.7")]));

    [Theory]
    [InlineData("https://hooks.example.com/fed")]
    [InlineData("https://hooks.example.com:8443/fed?client=7")]
    [InlineData("https://93.184.215.14/fed")]
    [InlineData("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/fed")]
    [InlineData("https://198.51.100.7:443/fed")]
    public void Parse_AcceptableUrl_ReturnsIt(string url) => Assert.Equal(new Uri(url), CallbackUrlRules.Parse(url, Production));

    [Theory]
    [InlineData("", "is empty.")]
    [InlineData("hooks.example.com/fed", "is not an absolute URL")]
    [InlineData("/hooks/fed", "is not an absolute URL")]
    [InlineData("ftp://hooks.example.com/fed", "must use https (it uses ftp).")]
    [InlineData("http://hooks.example.com/fed", "must use https: this server does not send callbacks over plain http.")]
    [InlineData("https://user:secret@hooks.example.com/fed", "must not contain a user name or password")]
    [InlineData("https://hooks.example.com/fed#done", "must not have a fragment")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "points at 169.254.169.254, a cloud metadata service address")]
    [InlineData("https://[fd00:ec2::254]/latest/meta-data/", "a cloud metadata service address")]
    [InlineData("https://100.100.100.200/latest/meta-data/", "a cloud metadata service address")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/", "points at metadata.google.internal, a cloud metadata service")]
    [InlineData("https://METADATA.google.internal./computeMetadata/v1/", "a cloud metadata service")]
    [InlineData("https://169.254.10.1/fed", "a link-local address")]
    [InlineData("https://[fe80::1]/fed", "a link-local address")]
    [InlineData("https://127.0.0.1/fed", "points at 127.0.0.1, a loopback address; callbacks go to public addresses only.")]
    [InlineData("https://127.9.9.9/fed", "a loopback address")]
    [InlineData("https://[::1]/fed", "a loopback address")]
    [InlineData("https://[::ffff:127.0.0.1]/fed", "a loopback address")]
    [InlineData("https://[64:ff9b::a00:1]/fed", "a private network address")]
    [InlineData("https://[::127.0.0.1]/fed", "a loopback address")]
    [InlineData("https://[2002:a9fe:a9fe::1]/fed", "a cloud metadata service address")]
    [InlineData("https://2130706433/fed", "a loopback address")]
    [InlineData("https://0.0.0.0/fed", "the unspecified address")]
    [InlineData("https://[::]/fed", "the unspecified address")]
    [InlineData("https://10.1.2.3/fed", "a private network address")]
    [InlineData("https://172.16.0.1/fed", "a private network address")]
    [InlineData("https://172.31.255.1/fed", "a private network address")]
    [InlineData("https://192.168.1.10/fed", "a private network address")]
    [InlineData("https://100.64.0.1/fed", "a private network address")]
    [InlineData("https://[fd12:3456::1]/fed", "a private network address")]
    [InlineData("https://224.0.0.1/fed", "a multicast address")]
    [InlineData("https://[ff02::1]/fed", "a multicast address")]
    [InlineData("https://255.255.255.255/fed", "the broadcast address")]
    [InlineData("https://240.0.0.1/fed", "a reserved address")]
    [InlineData("https://fed.example.org/api/v1/hooks", "points at fed.example.org, this application itself")]
    [InlineData("https://FED.example.org:8443/hooks", "this application itself")]
    [InlineData("https://198.51.100.7:5093/hooks", "198.51.100.7 port 5093, where this application itself listens")]
    public void Parse_ForbiddenUrl_RefusedSayingWhatIsWrong(string url, string expected)
    {
        var refusal = Assert.Throws<InvalidInputException>(() => CallbackUrlRules.Parse(url, Production));

        Assert.Equal(CallbackUrlRules.Field, refusal.Field);
        Assert.StartsWith("The callback URL ", refusal.Message);
        Assert.Contains(expected, refusal.Message);
    }

    [Fact]
    public void Parse_LongerThanTheLimit_RefusedWithTheLength()
    {
        var url = "https://hooks.example.com/" + new string('a', CallbackUrlRules.MaxLength);

        var refusal = Assert.Throws<InvalidInputException>(() => CallbackUrlRules.Parse(url, Production));

        Assert.Contains($"has {url.Length} characters; at most {CallbackUrlRules.MaxLength} are accepted.", refusal.Message);
    }

    [Fact]
    public void Parse_HttpWhereAllowed_ReturnsIt() =>
        Assert.Equal("http", CallbackUrlRules.Parse("http://hooks.example.com/fed", Policy(http: true)).Scheme);

    [Fact]
    public void Parse_LoopbackWhereAllowed_ReturnsIt() =>
        Assert.True(CallbackUrlRules.Parse("https://127.0.0.1:8080/fed", Policy(loopback: true)).IsLoopback);

    [Fact]
    public void Parse_PrivateNetworkWhereAllowed_ReturnsIt() =>
        Assert.Equal("10.1.2.3", CallbackUrlRules.Parse("https://10.1.2.3/fed", Policy(privateNetworks: true)).Host);

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[fd00:ec2::254]/latest/meta-data/")]
    [InlineData("https://169.254.1.1/fed")]
    [InlineData("https://0.0.0.0/fed")]
    public void Parse_MetadataOrLinkLocal_RefusedEvenWithEverythingAllowed(string url) =>
        Assert.Throws<InvalidInputException>(() => CallbackUrlRules.Parse(url, Policy(http: true, loopback: true, privateNetworks: true)));

    [Fact]
    public void Parse_TheAppsOwnLoopbackPort_RefusedWhereLoopbackIsAllowed()
    {
        var policy = Policy(http: true, loopback: true, own: ["http://127.0.0.1:5093"]);

        var refusal = Assert.Throws<InvalidInputException>(() => CallbackUrlRules.Parse("http://127.0.0.1:5093/api/v1/requests", policy));

        Assert.Contains("127.0.0.1 port 5093, where this application itself listens", refusal.Message);
    }

    [Fact]
    public void Parse_AnotherLoopbackPortWhereLoopbackIsAllowed_ReturnsIt() =>
        Assert.Equal(5094, CallbackUrlRules.Parse("http://127.0.0.1:5094/fed", Policy(http: true, loopback: true, own: ["http://127.0.0.1:5093"])).Port);
}
