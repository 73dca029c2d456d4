using FedDashboard.Core.Domain.Enrolment;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Security;

namespace FedDashboard.Api;

/// <summary>A new enrolment code: for how many hours from now, and for how many terminals.</summary>
public sealed record EnrolmentCodeRequest(double ValidForHours, int MaxUses);

public sealed record CredentialRevocationRequest(string? Reason);

/// <summary>
/// Terminal identity for operators over HTTP: enrolment codes and revoking a terminal's credentials. Core checks the
/// caller (refusals answered by <see cref="RefusalProblems"/>): 401 without sign-in, 403 (audited) without the operator
/// role, 400 for bad input at its field, 404 for no such edge, code or terminal, 409 when already revoked.
/// </summary>
public static class EnrolmentEndpoints
{
    public static IEndpointRouteBuilder MapEnrolmentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapPost("/edges/{id:int}/enrolment-codes", async (int id, EnrolmentCodeRequest request, HttpContext http, EnrolmentCodes codes, CancellationToken ct) =>
        {
            var issued = await codes.CreateAsync(CurrentActor.Of(http.User), id, request.ValidForHours, request.MaxUses, ct);
            return Results.Created($"/api/enrolment-codes/{issued.Code.Id}", EnrolmentCodeView.Of(issued.Code, issued.Text));
        });
        api.MapPost("/enrolment-codes/{id:int}/revoke", async (int id, HttpContext http, EnrolmentCodes codes, CancellationToken ct) =>
            Results.Ok(EnrolmentCodeView.Of(await codes.RevokeAsync(CurrentActor.Of(http.User), id, ct), text: null)));
        api.MapPost("/terminals/{id:int}/revoke-credentials", async (int id, CredentialRevocationRequest? request, HttpContext http, CredentialRevocation revocation,
            CancellationToken ct) =>
        {
            var revoked = await revocation.RevokeAsync(CurrentActor.Of(http.User), id, request?.Reason, ct);
            return Results.Ok(new { terminalId = id, revoked = revoked.Select(TerminalCredentialState.Of) });
        });
        return app;
    }

    /// <param name="Code">The code's text, only in the answer that created it.</param>
    private sealed record EnrolmentCodeView(int Id, int EdgeId, string? Code, string Hint, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
        int MaxUses, int Uses, DateTimeOffset? RevokedAt, string? RevokedBy)
    {
        public static EnrolmentCodeView Of(EnrolmentCode c, string? text) =>
            new(c.Id, c.EdgeId, text, c.Hint, c.CreatedBy, c.CreatedAt, c.ExpiresAt, c.MaxUses, c.Uses, c.RevokedAt, c.RevokedBy);
    }
}
