using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Security;

namespace FedDashboard.Api;

/// <summary>What to batch: entries created in [from, to), of one edge and/or one job, in one currency; an empty bound does not apply.</summary>
public sealed record PayoutBatchRequest(DateTimeOffset? From, DateTimeOffset? To, int? EdgeId, int? JobId, string? Currency);

/// <summary>An approval's comment, a rejection's reason.</summary>
public sealed record PayoutDecisionRequest(string? Comment);

public sealed record PayoutPaymentRequest(string? Reference);

/// <summary>
/// Payout batches over HTTP. Core checks the caller (refusals answered by <see cref="RefusalProblems"/>): 401 without sign-in, 403 (audited) for the wrong role or the
/// batch's own creator, 400 for bad input, 404 for no such batch, 409 for an illegal move or a race lost; each with the reason.
/// </summary>
public static class PayoutEndpoints
{
    public static IEndpointRouteBuilder MapPayoutEndpoints(this IEndpointRouteBuilder app)
    {
        var payouts = app.MapGroup("/api/payouts").RequireAuthorization();
        payouts.MapPost("", async (PayoutBatchRequest request, HttpContext http, PayoutBatches batches, CancellationToken ct) =>
        {
            var scope = new PayoutScope(request.From, request.To, request.EdgeId, request.JobId);
            var batch = await batches.CreateAsync(CurrentActor.Of(http.User), scope, request.Currency, ct);
            return Results.Created($"/api/payouts/{batch.Id}", PayoutBatchView.Of(batch));
        });
        payouts.MapPost("/{id:int}/approve", async (int id, PayoutDecisionRequest? request, HttpContext http, PayoutBatches batches, CancellationToken ct) =>
            Ok(await batches.ApproveAsync(CurrentActor.Of(http.User), id, request?.Comment, ct)));
        payouts.MapPost("/{id:int}/reject", async (int id, PayoutDecisionRequest? request, HttpContext http, PayoutBatches batches, CancellationToken ct) =>
            Ok(await batches.RejectAsync(CurrentActor.Of(http.User), id, request?.Comment, ct)));
        payouts.MapPost("/{id:int}/paid", async (int id, PayoutPaymentRequest? request, HttpContext http, PayoutBatches batches, CancellationToken ct) =>
            Ok(await batches.MarkPaidAsync(CurrentActor.Of(http.User), id, request?.Reference, ct)));
        return app;
    }

    private static IResult Ok(PayoutBatch batch) => Results.Ok(PayoutBatchView.Of(batch));

    private sealed record PayoutBatchView(int Id, PayoutScope Scope, string Currency, decimal Total, int EntryCount, string Status,
        string CreatedBy, DateTimeOffset CreatedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionComment,
        string? PaidBy, DateTimeOffset? PaidAt, string? PaymentReference)
    {
        public static PayoutBatchView Of(PayoutBatch b) => new(b.Id, b.Scope, b.Currency, b.Total, b.EntryCount, b.Status.ToString(),
            b.CreatedBy, b.CreatedAt, b.DecidedBy, b.DecidedAt, b.DecisionComment, b.PaidBy, b.PaidAt, b.PaymentReference);
    }
}
