using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Rewards.Reports;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using FedDashboard.Security;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Api;

/// <summary>
/// The ledger as CSV or XLSX for finance, filtered by <see cref="LedgerFilter"/>'s query (any signed-in user; 400 for
/// a bad filter, 404 when it matches no entry), corrections of its lines (operators), and approvers' decisions on large corrections.
/// </summary>
public static class RewardEndpoints
{
    public const string LedgerCsvPath = "/rewards/ledger.csv";
    public const string LedgerXlsxPath = "/rewards/ledger.xlsx";

    /// <summary>Operators correct a ledger line by adding a signed one; 400/403/404 with the reason.</summary>
    public const string CorrectionsPath = "/api/rewards/entries/{id:long}/corrections";

    /// <summary>Approvers accept or reject a correction above the acceptance threshold: <c>/accept</c>, <c>/reject</c> with a comment.</summary>
    public const string CorrectionDecisionsPath = "/api/rewards/corrections/{id:long}";

    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapRewardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(LedgerCsvPath, (HttpContext http, IDbContextFactory<FedDbContext> dbFactory, CancellationToken ct) =>
            ExportAsync(http, dbFactory, "text/csv; charset=utf-8", "csv", LedgerExport.WriteCsvAsync, ct)).RequireAuthorization().RequireRateLimiting(ExportLimits.Policy);
        app.MapGet(LedgerXlsxPath, (HttpContext http, IDbContextFactory<FedDbContext> dbFactory, CancellationToken ct) =>
            ExportAsync(http, dbFactory, XlsxContentType, "xlsx", LedgerExport.WriteXlsxAsync, ct)).RequireAuthorization().RequireRateLimiting(ExportLimits.Policy);
        app.MapPost(CorrectionsPath, async (long id, CorrectionRequest request, HttpContext http, LedgerCorrections corrections, CancellationToken ct) =>
        {
            var line = await corrections.CorrectAsync(CurrentActor.Of(http.User), id, request.Amount, request.Reason ?? "", ct);
            return Results.Created($"/api/rewards/entries/{line.Id}",
                new CorrectionView(line.Id, line.CorrectsEntryId!.Value, line.Amount, line.Currency, line.Note, line.CreatedBy, line.CreatedAt, line.NeedsAcceptance));
        }).RequireAuthorization();
        var decisions = app.MapGroup(CorrectionDecisionsPath).RequireAuthorization();
        decisions.MapPost("/accept", async (long id, DecisionRequest? request, HttpContext http, LedgerCorrections corrections, CancellationToken ct) =>
            Ok(await corrections.AcceptAsync(CurrentActor.Of(http.User), id, request?.Comment, ct)));
        decisions.MapPost("/reject", async (long id, DecisionRequest? request, HttpContext http, LedgerCorrections corrections, CancellationToken ct) =>
            Ok(await corrections.RejectAsync(CurrentActor.Of(http.User), id, request?.Comment, ct)));
        return app;
    }

    private static IResult Ok(CorrectionDecision d) => Results.Ok(new CorrectionDecisionView(d.CorrectionId, d.Accepted, d.DecidedBy, d.Comment, d.DecidedAt));

    private static async Task ExportAsync(HttpContext http, IDbContextFactory<FedDbContext> dbFactory, string contentType, string extension,
        Func<IAsyncEnumerable<LedgerRow>, Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var (filter, error) = LedgerFilter.Parse(http.Request.Query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (filter is not null) error = await filter.UnknownAsync(db, ct);
        if (filter is null || error is not null)
        {
            await Results.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "The ledger filter is not valid.").ExecuteAsync(http);
            return;
        }
        // A file with only a header row looks like a broken export to whoever opens it; say plainly there is nothing.
        if (!await filter.Apply(db).AnyAsync(ct))
        {
            await Results.Problem($"There are no ledger entries {filter.Description}.", statusCode: StatusCodes.Status404NotFound, title: "Nothing to export.").ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"ledger-{DateTime.UtcNow:yyyyMMdd-HHmmss}.{extension}\"";
        await write(LedgerExport.Rows(db, filter.Apply(db)), http.Response.Body, ct);
    }
}

/// <summary>What a correction adds to a ledger line (negative to take back), and why.</summary>
public sealed record CorrectionRequest(decimal Amount, string? Reason);

public sealed record CorrectionView(long Id, long Corrects, decimal Amount, string Currency, string Reason, string CreatedBy, DateTimeOffset CreatedAt, bool NeedsAcceptance);

public sealed record CorrectionDecisionView(long Correction, bool Accepted, string DecidedBy, string? Comment, DateTimeOffset DecidedAt);
