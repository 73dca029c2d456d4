using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Formats;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// A client's request delivered end to end over HTTP: the fleet trains, an approver approves a version at the target,
/// the client's receiver gets a callback signed with the client's secret, and the ONNX file downloads and runs in ONNX
/// Runtime at the version's accuracy. Another client gets 404 for the same files.
/// </summary>
[Collection(TrainingFleetCollection.Name)]
public sealed class RequestDeliveryHttpTests(TrainingFleetDashboard dashboard)
{
    private const string ApproverName = "arthur";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<(int ClientId, HttpClient Caller)> ClientAsync(HttpClient admin, Uri baseAddress, string name)
    {
        var registered = await admin.PostAsJsonAsync("api/clients", new
        {
            name, contactEmail = "ml-ops@acme.example", allowedModels = new[] { "Mlp2NN" }, spendingLimit = 100, currency = "EUR",
        });
        var clientId = (await JsonAsync(registered)).GetProperty("id").GetInt32();
        var issued = await admin.PostAsJsonAsync($"api/clients/{clientId}/keys", new { scopes = new[] { "SubmitRequests", "ReadRequests", "DownloadModels" } });
        var caller = new HttpClient { BaseAddress = baseAddress };
        caller.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await JsonAsync(issued)).GetProperty("secret").GetString());
        return (clientId, caller);
    }

    [Fact]
    public async Task Request_MetWithACallbackUrl_SignedCallbackAndTheOnnxFileAtTheVersionsAccuracy()
    {
        await dashboard.EnsureUserAsync(ApproverName, Roles.Approver);
        using var admin = (await SignedInClient.SignInAsync(dashboard.BaseAddress, DashboardAccounts.AdminName)).Client;
        var (clientId, caller) = await ClientAsync(admin, dashboard.BaseAddress, "Delivery Vision");
        using var _ = caller;
        await using var receiver = await CallbackReceiver.StartAsync(CallbackReceiver.Statuses(200));
        var submit = new HttpRequestMessage(HttpMethod.Post, "api/v1/training-requests")
        {
            Content = JsonContent.Create(new
            {
                name = "Digits, delivered",
                model = "Mlp2NN",
                condition = new { targetAccuracy = 0.5 },
                deadline = DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
                budget = new { maxRounds = 10, maxSpend = 10m },
                callbackUrl = receiver.Url.ToString(),
            }),
        };
        submit.Headers.Add("Idempotency-Key", "delivery-1");
        var accepted = await caller.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var requestId = (await JsonAsync(accepted)).GetProperty("id").GetInt32();
        var version = await Eventually.WaitForAsync(async () =>
        {
            await using var db = dashboard.Db();
            var jobId = await db.TrainingRequests.Where(r => r.Id == requestId).Select(r => r.JobId).SingleAsync();
            return await db.ModelVersions.FirstOrDefaultAsync(v => v.JobId == jobId && v.Number > 0 && v.TestAccuracy >= 0.5 && v.Status == ModelVersionStatus.PendingApproval);
        }, TimeSpan.FromMinutes(3), "a version of the request's job reaching 50 % test accuracy");
        var tooEarly = await caller.GetAsync($"api/v1/training-requests/{requestId}/model.onnx");
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        using var approver = (await SignedInClient.SignInAsync(dashboard.BaseAddress, ApproverName)).Client;
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync($"api/versions/{version.Id}/approve", new { comment = "good enough" })).StatusCode);
        Assert.Equal("Met", (await caller.GetFromJsonAsync<JsonElement>($"api/v1/training-requests/{requestId}")).GetProperty("status").GetString());

        var callback = await Eventually.WaitForAsync(() => Task.FromResult(receiver.Received.FirstOrDefault()), TimeSpan.FromMinutes(1), "the request's callback");
        var onnx = await caller.GetAsync($"api/v1/training-requests/{requestId}/model.onnx");

        var secret = (await JsonAsync(await admin.PostAsync($"api/clients/{clientId}/signing-secret", null))).GetProperty("secret").GetString()!;
        Assert.Equal(SignatureCheck.Valid, CallbackSignature.Verify(secret, callback.Headers[CallbackHeaders.Id], callback.Headers[CallbackHeaders.Timestamp],
            callback.Headers[CallbackHeaders.Signature], callback.Body, DateTimeOffset.UtcNow));
        var body = JsonDocument.Parse(callback.Body).RootElement.GetProperty("data");
        Assert.Equal(("Met", true, version.Label), (body.GetProperty("status").GetString(), body.GetProperty("meetsCondition").GetBoolean(),
            body.GetProperty("version").GetProperty("label").GetString()));
        Assert.Equal(HttpStatusCode.OK, onnx.StatusCode);
        Assert.Equal("true", onnx.Headers.GetValues("Fed-Meets-Condition").Single());
        var test = MnistLoader.LoadRawTest(TestEnvironment.MnistPath);
        var predictions = OnnxRuntimePredictions.Predict(await onnx.Content.ReadAsByteArrayAsync(), test);
        var accuracy = (double)predictions.Zip(test.Labels).Count(p => p.First == p.Second) / test.Count;
        Assert.InRange(accuracy, version.TestAccuracy!.Value - 0.001, version.TestAccuracy!.Value + 0.001);
    }

    [Fact]
    public async Task Download_AnotherClientsRequest_NotFound()
    {
        using var admin = (await SignedInClient.SignInAsync(dashboard.BaseAddress, DashboardAccounts.AdminName)).Client;
        var (_, owner) = await ClientAsync(admin, dashboard.BaseAddress, "Owner Vision");
        var (_, intruder) = await ClientAsync(admin, dashboard.BaseAddress, "Intruder Vision");
        using var __ = owner;
        using var ___ = intruder;
        var submit = new HttpRequestMessage(HttpMethod.Post, "api/v1/training-requests")
        {
            Content = JsonContent.Create(new
            {
                name = "Someone else's", model = "Mlp2NN", condition = new { targetAccuracy = 0.99 },
                deadline = DateTimeOffset.UtcNow.AddHours(1).ToString("O"), budget = new { maxRounds = 2, maxSpend = 10m },
            }),
        };
        submit.Headers.Add("Idempotency-Key", "owner-1");
        var requestId = (await JsonAsync(await owner.SendAsync(submit))).GetProperty("id").GetInt32();

        foreach (var file in new[] { "model", "model.onnx", "model.safetensors" })
        {
            var answer = await intruder.GetAsync($"api/v1/training-requests/{requestId}/{file}");
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }
        await owner.PostAsync($"api/v1/training-requests/{requestId}/cancel", null);
    }
}
