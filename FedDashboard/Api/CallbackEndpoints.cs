using FedDashboard.Core.Orchestration.Delivery;
using FedDashboard.Security;

namespace FedDashboard.Api;

/// <summary>Callback deliveries for operators over HTTP: re-send one (Core demands the operator role and audits it).</summary>
public static class CallbackEndpoints
{
    public static IEndpointRouteBuilder MapCallbackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/callback-deliveries/{id:guid}/resend", async (Guid id, HttpContext http, RequestCallbacks callbacks, CancellationToken ct) =>
        {
            var again = await callbacks.ResendAsync(CurrentActor.Of(http.User), id, ct);
            return Results.Accepted(value: new { delivery = again, resendOf = id });
        }).RequireAuthorization();
        return app;
    }
}
