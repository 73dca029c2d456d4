using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Delivery;
using FedDashboard.Security;

namespace FedDashboard.Api;

/// <summary>
/// A request's delivered model: for its client on the client API (download scope; another client's request is 404) and
/// for anyone signed in to the dashboard, any request. Met: the approved version that met the condition. Failed: the best
/// version so far, marked by <see cref="MeetsConditionHeader"/>: false. Open or cancelled: 409, no model.
/// </summary>
public static class RequestModelEndpoints
{
    public const string MeetsConditionHeader = "Fed-Meets-Condition";
    public const string VersionHeader = "Fed-Model-Version";
    public const string OperatorPath = "/api/training-requests";

    private const string OnnxType = "application/octet-stream";
    private const string NotDelivered = "409 while the request is open, once it is cancelled, or when it ended without any promoted version.";

    /// <param name="requests">The client API's /training-requests group.</param>
    public static RouteGroupBuilder MapClientModelEndpoints(this RouteGroupBuilder requests)
    {
        Map(requests, (http, id, models, ct) => models.FindAsync(ClientKeyClaims.ClientIdOf(http.User), id, ct))
            .ForEach(e => e.RequireAuthorization(ClientKeyPolicies.Download).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict));
        return requests;
    }

    public static IEndpointRouteBuilder MapOperatorModelEndpoints(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup(OperatorPath).RequireAuthorization(p => p.RequireRole(Roles.All));
        Map(requests, (_, id, models, ct) => models.FindAsync(clientId: null, id, ct));
        return app;
    }

    private static List<RouteHandlerBuilder> Map(RouteGroupBuilder requests, Func<HttpContext, int, RequestModels, CancellationToken, Task<RequestModel>> find) =>
    [
        requests.MapGet("/{id:int}/model", async (int id, HttpContext http, RequestModels models, CancellationToken ct) =>
            TypedResults.Ok(RequestModelBody.Of(await find(http, id, models, ct))))
            .WithSummary("What the request delivers: its version, whether it meets the condition, where its files are.")
            .WithDescription("Met: the approved version that met the condition. Failed (deadline, budget, its job's end): the best version so far, "
                + "with meetsCondition false. " + NotDelivered),
        requests.MapGet($"/{{id:int}}/{ClientApiPaths.OnnxFile}", async (int id, HttpContext http, RequestModels models, CancellationToken ct) =>
        {
            var model = await find(http, id, models, ct);
            return File(http, model, await models.OnnxAsync(model, ct), OnnxType, "onnx");
        })
            .Produces(StatusCodes.Status200OK, contentType: OnnxType)
            .WithSummary("The model as an ONNX file (opset 17): raw MNIST pixels in, logits and probabilities out.")
            .WithDescription($"Served once the file, run in ONNX Runtime on the 10,000 MNIST test images, is within 0.1 accuracy points of TorchSharp's result. "
                + $"The {MeetsConditionHeader} header is false for a failed request's best model so far. " + NotDelivered + " See docs/model-formats.md."),
        requests.MapGet($"/{{id:int}}/{ClientApiPaths.SafetensorsFile}", async (int id, HttpContext http, RequestModels models, CancellationToken ct) =>
        {
            var model = await find(http, id, models, ct);
            return File(http, model, await models.SafetensorsAsync(model, ct), OnnxType, "safetensors");
        })
            .Produces(StatusCodes.Status200OK, contentType: OnnxType)
            .WithSummary("The model's weights as a safetensors file (float32, expecting normalised input).")
            .WithDescription($"The {MeetsConditionHeader} header is false for a failed request's best model so far. " + NotDelivered + " See docs/model-formats.md."),
    ];

    private static IResult File(HttpContext http, RequestModel model, byte[] content, string contentType, string extension)
    {
        http.Response.Headers[MeetsConditionHeader] = model.MeetsCondition ? "true" : "false";
        http.Response.Headers[VersionHeader] = model.Version.Label;
        return TypedResults.File(content, contentType, model.FileName(extension));
    }
}
