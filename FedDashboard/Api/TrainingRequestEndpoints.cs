using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Security;
using Microsoft.AspNetCore.Mvc;

namespace FedDashboard.Api;

/// <summary>
/// A client's training requests on the client API. The idempotency key comes in the <c>Idempotency-Key</c> header (as
/// the payment APIs take it), not in the body, so the body is only the request and its hash says whether a resubmission
/// is the same. Refusals are problem documents (<see cref="RefusalProblems"/>): 400 at the field, 409 for a key reused
/// with another body, a suspended client, the spending limit or an ended request, 404 for a request that is not the
/// caller's.
/// </summary>
public static class TrainingRequestEndpoints
{
    public const string Path = "/training-requests";

    public static RouteGroupBuilder MapTrainingRequestEndpoints(this RouteGroupBuilder v1)
    {
        var requests = v1.MapGroup(Path);
        requests.MapPost("", async ([FromHeader(Name = RequestFields.IdempotencyKey)] string? idempotencyKey, TrainingRequestSubmission submission,
            HttpContext http, TrainingRequests service, CancellationToken ct) =>
        {
            var view = await service.SubmitAsync(ClientKeyClaims.ClientIdOf(http.User), idempotencyKey, submission, ct);
            return TypedResults.Accepted($"{ClientApiEndpoints.Base}{Path}/{view.Request.Id}", TrainingRequestBody.Of(view));
        }).RequireAuthorization(ClientKeyPolicies.Submit)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Submit a training request; 202 with its location.");
        requests.MapGet("/{id:int}", async (int id, HttpContext http, TrainingRequests service, CancellationToken ct) =>
            TypedResults.Ok(TrainingRequestBody.Of(await service.ReadAsync(ClientKeyClaims.ClientIdOf(http.User), id, ct)
                ?? throw new NotFoundException($"There is no training request {id}."))))
            .RequireAuthorization(ClientKeyPolicies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read one of the caller's requests, with its status and progress.");
        requests.MapGet("", async (HttpContext http, TrainingRequests service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(ClientKeyClaims.ClientIdOf(http.User), ct)).Select(TrainingRequestBody.Of).ToList()))
            .RequireAuthorization(ClientKeyPolicies.Read)
            .WithSummary("The caller's requests, newest first.");
        requests.MapPost("/{id:int}/cancel", async (int id, HttpContext http, TrainingRequests service, CancellationToken ct) =>
            TypedResults.Ok(TrainingRequestBody.Of(await service.CancelAsync(ClientKeyClaims.ClientIdOf(http.User), id, ct))))
            .RequireAuthorization(ClientKeyPolicies.Submit)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel one of the caller's open requests; its job is aborted.");
        requests.MapClientModelEndpoints();
        return v1;
    }
}
