using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Clients' training requests over HTTP against the real app, each client calling with its own API key: 202 with the
/// request's location, problem documents for refusals, 404 for another client's request.
/// </summary>
[Collection(RequestsCollection.Name)]
public sealed class TrainingRequestEndpointsTests(RequestsDashboard dashboard) : IDisposable
{
    private const string Requests = "api/v1/training-requests";
    private readonly List<HttpClient> _callers = [];

    public void Dispose() => _callers.ForEach(c => c.Dispose());

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A new client with a key holding the scopes; names differ per test, as the tests share one dashboard.</summary>
    private async Task<(int Id, HttpClient Caller)> ClientAsync(params string[] scopes)
    {
        using var admin = (await SignedInClient.SignInAsync(dashboard.BaseAddress, DashboardAccounts.AdminName)).Client;
        var registered = await admin.PostAsJsonAsync("api/clients", new
        {
            name = $"Acme {Guid.NewGuid():N}", contactEmail = "ml-ops@acme.example", allowedModels = new[] { "Mlp2NN" }, spendingLimit = 100, currency = "EUR",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await JsonAsync(registered)).GetProperty("id").GetInt32();
        var issued = await admin.PostAsJsonAsync($"api/clients/{id}/keys", new { scopes = scopes.Length > 0 ? scopes : ["SubmitRequests", "ReadRequests"] });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var caller = new HttpClient { BaseAddress = dashboard.BaseAddress };
        _callers.Add(caller);
        caller.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await JsonAsync(issued)).GetProperty("secret").GetString());
        return (id, caller);
    }

    private static object Body(double targetAccuracy = 0.9, decimal maxSpend = 10m) => new
    {
        name = "Digits for the scanner",
        model = "Mlp2NN",
        data = new { partition = "Iid" },
        condition = new { targetAccuracy },
        deadline = DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
        budget = new { maxRounds = 20, maxSpend },
    };

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient caller, string? key, object body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, Requests) { Content = JsonContent.Create(body) };
        if (key is not null) message.Headers.Add("Idempotency-Key", key);
        return caller.SendAsync(message);
    }

    private async Task<int> RequestsOfAsync(int clientId)
    {
        await using var db = dashboard.Db();
        return await db.TrainingRequests.CountAsync(r => r.ClientId == clientId);
    }

    [Fact]
    public async Task Post_ValidRequest_AcceptedAtItsLocationWithItsJobTraining()
    {
        var (clientId, caller) = await ClientAsync();

        var response = await SubmitAsync(caller, "order-1", Body());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await JsonAsync(response);
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/training-requests/{id}", response.Headers.Location?.ToString());
        Assert.Equal(("Training", 0.9), (body.GetProperty("status").GetString(), body.GetProperty("condition").GetProperty("targetAccuracy").GetDouble()));
        await using var db = dashboard.Db();
        var request = await db.TrainingRequests.SingleAsync(r => r.Id == id);
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == request.JobId);
        Assert.Equal((clientId, JobStatus.Running), (request.ClientId, job.Status));
        var read = await caller.GetAsync(response.Headers.Location);
        Assert.Equal((HttpStatusCode.OK, id), (read.StatusCode, (await JsonAsync(read)).GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Post_TargetAboveOne_ProblemAtTheFieldAndNothingCreated()
    {
        var (clientId, caller) = await ClientAsync();

        var response = await SubmitAsync(caller, "order-1", Body(targetAccuracy: 1.5));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal("The target test accuracy is a fraction above 0 and at most 1 (was 1.5).", errors.GetProperty("condition.targetAccuracy")[0].GetString());
        Assert.Equal(0, await RequestsOfAsync(clientId));
    }

    private static object BodyWithPriority(string priority) => new
    {
        name = "Digits for the scanner",
        model = "Mlp2NN",
        condition = new { targetAccuracy = 0.9 },
        deadline = DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
        budget = new { maxRounds = 20, maxSpend = 10m },
        priority,
    };

    [Fact]
    public async Task Post_UnknownPriority_ProblemAtTheFieldAndNothingCreated()
    {
        var (clientId, caller) = await ClientAsync();

        var response = await SubmitAsync(caller, "order-1", BodyWithPriority("Urgent"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal("There is no priority 'Urgent'; the priorities are Low, Normal, High.", errors.GetProperty("priority")[0].GetString());
        Assert.Equal(0, await RequestsOfAsync(clientId));
    }

    [Fact]
    public async Task Post_LowPriority_KeptAndAnswered_DefaultNormal()
    {
        var (clientId, caller) = await ClientAsync();

        var low = await JsonAsync(await SubmitAsync(caller, "order-1", BodyWithPriority("low")));
        var unsaid = await JsonAsync(await SubmitAsync(caller, "order-2", Body()));

        Assert.Equal(("Low", "Normal"), (low.GetProperty("priority").GetString(), unsaid.GetProperty("priority").GetString()));
        await using var db = dashboard.Db();
        var stored = await db.TrainingRequests.Where(r => r.ClientId == clientId).OrderBy(r => r.Id).Select(r => r.Priority).ToListAsync();
        Assert.Equal([RequestPriority.Low, RequestPriority.Normal], stored);
    }

    [Fact]
    public async Task Post_WithoutIdempotencyKey_ProblemAtTheHeaderAndNothingCreated()
    {
        var (clientId, caller) = await ClientAsync();

        var response = await SubmitAsync(caller, null, Body());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(0, await RequestsOfAsync(clientId));
    }

    [Fact]
    public async Task Post_SameKeyAndBodyAgain_TheSameRequest_OtherBodyConflict()
    {
        var (clientId, caller) = await ClientAsync();
        var body = Body();

        var first = await SubmitAsync(caller, "order-1", body);
        var again = await SubmitAsync(caller, "order-1", body);
        var other = await SubmitAsync(caller, "order-1", Body(targetAccuracy: 0.95));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Conflict), (first.StatusCode, again.StatusCode, other.StatusCode));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Contains("was used for request", (await JsonAsync(other)).GetProperty("detail").GetString());
        Assert.Equal(1, await RequestsOfAsync(clientId));
    }

    [Fact]
    public async Task Post_OverTheSpendingLimit_Conflict()
    {
        var (clientId, caller) = await ClientAsync();
        await SubmitAsync(caller, "order-1", Body(maxSpend: 80m));

        var response = await SubmitAsync(caller, "order-2", Body(maxSpend: 30m));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("spending limit", (await JsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(1, await RequestsOfAsync(clientId));
    }

    [Fact]
    public async Task Post_KeyWithoutTheSubmitScope_ForbiddenAndNothingCreated()
    {
        var (clientId, caller) = await ClientAsync("ReadRequests");

        var response = await SubmitAsync(caller, "order-1", Body());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await RequestsOfAsync(clientId));
    }

    [Fact]
    public async Task Get_AnotherClientsRequest_NotFoundLikeOneThatDoesNotExist()
    {
        var (_, owner) = await ClientAsync();
        var (_, stranger) = await ClientAsync();
        var location = (await SubmitAsync(owner, "order-1", Body())).Headers.Location!;

        var theirs = await stranger.GetAsync(location);
        var missing = await stranger.GetAsync($"{Requests}/{int.MaxValue}");
        var cancel = await stranger.PostAsync($"{location}/cancel", null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (theirs.StatusCode, missing.StatusCode, cancel.StatusCode));
        Assert.Equal("application/problem+json", theirs.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement[]>(Requests))!);
    }

    [Fact]
    public async Task List_OwnRequestsNewestFirst()
    {
        var (_, caller) = await ClientAsync();
        var older = (await JsonAsync(await SubmitAsync(caller, "order-1", Body()))).GetProperty("id").GetInt32();
        var newer = (await JsonAsync(await SubmitAsync(caller, "order-2", Body()))).GetProperty("id").GetInt32();

        var listed = await caller.GetFromJsonAsync<JsonElement[]>(Requests);

        Assert.Equal([newer, older], listed!.Select(r => r.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Cancel_Training_CancelledAndItsJobAborted_ThenConflict()
    {
        var (_, caller) = await ClientAsync();
        var location = (await SubmitAsync(caller, "order-1", Body())).Headers.Location!;

        var cancelled = await caller.PostAsync($"{location}/cancel", null);
        var again = await caller.PostAsync($"{location}/cancel", null);

        Assert.Equal((HttpStatusCode.OK, "Cancelled"), (cancelled.StatusCode, (await JsonAsync(cancelled)).GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var id = int.Parse(location.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await using var db = dashboard.Db();
        var jobId = (await db.TrainingRequests.SingleAsync(r => r.Id == id)).JobId;
        Assert.Equal(JobStatus.Aborted, (await db.TrainingJobs.SingleAsync(j => j.Id == jobId)).Status);
    }

    [Fact]
    public async Task OpenApi_ClientDocument_DescribesTheTrainingRequestsAndNotTheTerminalProtocol()
    {
        using var anonymous = new HttpClient { BaseAddress = dashboard.BaseAddress };

        var document = await anonymous.GetFromJsonAsync<JsonElement>("openapi/client-v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/training-requests", paths);
        Assert.Contains("/api/v1/training-requests/{id}", paths);
        Assert.Contains("/api/v1/training-requests/{id}/cancel", paths);
        Assert.Contains("/api/v1/me", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/terminal", StringComparison.Ordinal) || p.StartsWith("/api/clients", StringComparison.Ordinal));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("bearer", out _));
        Assert.Contains("ClientKeyIdentity", document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name));
    }

    [Fact]
    public async Task Post_UnknownHeldOutSet_ProblemAtTheFieldAndNothingCreated()
    {
        var (clientId, caller) = await ClientAsync();
        var body = new
        {
            name = "Digits", model = "Mlp2NN", condition = new { targetAccuracy = 0.9, heldOutSet = "my-own-images" },
            deadline = DateTimeOffset.UtcNow.AddHours(1).ToString("O"), budget = new { maxRounds = 20, maxSpend = 10m },
        };

        var response = await SubmitAsync(caller, "order-1", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.StartsWith("There is no held-out set 'my-own-images'", errors.GetProperty("condition.heldOutSet")[0].GetString());
        Assert.Equal(0, await RequestsOfAsync(clientId));
    }

    [Fact]
    public async Task GetHeldOutSets_AnyKey_ListsTheDefaultAndItsSlices()
    {
        var (_, caller) = await ClientAsync("DownloadModels");

        var sets = await caller.GetFromJsonAsync<JsonElement>("api/v1/held-out-sets");

        var names = sets.EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("isDefault").GetBoolean())).ToList();
        Assert.Equal(("mnist-test", true), names[0]);
        Assert.Contains(("mnist-test-digits-0-4", false), names);
    }

    [Fact]
    public async Task OpenApi_ClientDocument_DescribesHeldOutSetsAndTerminalGroups()
    {
        using var anonymous = new HttpClient { BaseAddress = dashboard.BaseAddress };

        var document = await anonymous.GetFromJsonAsync<JsonElement>("openapi/client-v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/held-out-sets", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("ConditionSubmission").GetProperty("properties").TryGetProperty("heldOutSet", out _));
        Assert.True(schemas.GetProperty("DataSubmission").GetProperty("properties").TryGetProperty("terminalGroup", out _));
    }

    [Fact]
    public async Task OpenApi_TerminalDocument_BearerOnEveryCallButEnrolment_HeartbeatNamesTheEdgeNode()
    {
        using var anonymous = new HttpClient { BaseAddress = dashboard.BaseAddress };

        var document = await anonymous.GetFromJsonAsync<JsonElement>("openapi/terminal-v1.json");

        Assert.True(document.GetProperty("security")[0].TryGetProperty("bearer", out _));
        var enrol = document.GetProperty("paths").GetProperty("/terminal/v1/enrol").GetProperty("post");
        Assert.Equal(0, enrol.GetProperty("security").GetArrayLength());
        var reply = document.GetProperty("components").GetProperty("schemas").GetProperty(nameof(HeartbeatReply));
        Assert.True(reply.GetProperty("properties").TryGetProperty("edgeNodeUrl", out _));
        Assert.DoesNotContain("edgeNodeUrl", reply.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()) : []);
    }
}
