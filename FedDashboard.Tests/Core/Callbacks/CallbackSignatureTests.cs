using FedDashboard.Core.Domain.Callbacks;
using System.Security.Cryptography;
using System.Text;

namespace FedDashboard.Tests.Core.Callbacks;

public sealed class CallbackSignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000);
    private const string Id = "msg_2f1c9d0e";
    private const string Body = """{"type":"request.met","requestId":42}""";

    /// <summary>The example in the Standard Webhooks specification: what receivers' libraries check against.</summary>
    [Fact]
    public void Sign_StandardWebhooksExample_GivesThePublishedSignature() =>
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            CallbackSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""));

    [Fact]
    public void Sign_AnyKey_IsHmacSha256OfIdTimestampAndBody()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var byHand = Convert.ToBase64String(new HMACSHA256(key).ComputeHash(Encoding.UTF8.GetBytes($"{Id}.1780000000.{Body}")));

        Assert.Equal("v1," + byHand, CallbackSignature.Sign("whsec_" + Convert.ToBase64String(key), Id, 1780000000, Body));
    }

    [Fact]
    public void NewSecret_Twice_DifferentPrefixed32Bytes()
    {
        var (first, second) = (CallbackSignature.NewSecret(), CallbackSignature.NewSecret());

        Assert.StartsWith("whsec_", first);
        Assert.Equal(32, Convert.FromBase64String(first["whsec_".Length..]).Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Verify_AsSigned_Valid()
    {
        var secret = CallbackSignature.NewSecret();

        Assert.Equal(SignatureCheck.Valid, Verify(secret, Now, Sign(secret, Now), Body));
    }

    [Fact]
    public void Verify_TamperedBody_NoMatch()
    {
        var secret = CallbackSignature.NewSecret();

        Assert.Equal(SignatureCheck.NoMatch, Verify(secret, Now, Sign(secret, Now), Body.Replace("42", "43")));
    }

    [Fact]
    public void Verify_WrongSecret_NoMatch() =>
        Assert.Equal(SignatureCheck.NoMatch, Verify(CallbackSignature.NewSecret(), Now, Sign(CallbackSignature.NewSecret(), Now), Body));

    [Fact]
    public void Verify_SignedSixMinutesAgo_OutsideTolerance()
    {
        var (secret, then) = (CallbackSignature.NewSecret(), Now.AddMinutes(-6));

        Assert.Equal(SignatureCheck.OutsideTolerance, CallbackSignature.Verify(secret, Id, Timestamp(then), Sign(secret, then), Body, Now));
    }

    [Fact]
    public void Verify_SignedFourMinutesAgo_Valid()
    {
        var (secret, then) = (CallbackSignature.NewSecret(), Now.AddMinutes(-4));

        Assert.Equal(SignatureCheck.Valid, CallbackSignature.Verify(secret, Id, Timestamp(then), Sign(secret, then), Body, Now));
    }

    [Fact]
    public void Verify_MatchingSignatureSecondInTheList_Valid()
    {
        var secret = CallbackSignature.NewSecret();

        Assert.Equal(SignatureCheck.Valid, Verify(secret, Now, "v1,bm9wZQ== v1,not*base64 " + Sign(secret, Now), Body));
    }

    [Fact]
    public void Verify_NoTimestamp_Malformed()
    {
        var secret = CallbackSignature.NewSecret();

        Assert.Equal(SignatureCheck.Malformed, CallbackSignature.Verify(secret, Id, null, Sign(secret, Now), Body, Now));
    }

    [Fact]
    public void For_ADelivery_HeadersThatVerifyWithItsSecret()
    {
        var delivery = new CallbackDelivery(Guid.NewGuid(), new Uri("https://hooks.example.com/fed"), Body, "key_7", CallbackSignature.NewSecret(), AttemptsMade: 0);

        var headers = CallbackHeaders.For(delivery, Now).ToDictionary();

        Assert.Equal(delivery.MessageId, headers["webhook-id"]);
        Assert.Equal("key_7", headers["fed-key-id"]);
        Assert.Equal(SignatureCheck.Valid, CallbackSignature.Verify(delivery.Secret, headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"], Body, Now));
    }

    private static string Sign(string secret, DateTimeOffset at) => CallbackSignature.Sign(secret, Id, at.ToUnixTimeSeconds(), Body);

    private static SignatureCheck Verify(string secret, DateTimeOffset signedAt, string signatures, string body) =>
        CallbackSignature.Verify(secret, Id, Timestamp(signedAt), signatures, body, Now);

    private static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
