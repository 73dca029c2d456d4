using CsvHelper;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using FedDashboard.Security;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace FedDashboard.Api;

public static class AuditEndpoints
{
    public const string ExportPath = "/audit/export.csv";

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportPath, ExportAsync).RequireAuthorization(p => p.RequireRole(Roles.Approver, Roles.Administrator))
            .RequireRateLimiting(ExportLimits.Policy);
        return app;
    }

    /// <summary>Streams the filtered log row by row, oldest first, so a long log never sits in memory at once.</summary>
    private static async Task ExportAsync(HttpContext http, IDbContextFactory<FedDbContext> dbFactory, CancellationToken ct)
    {
        var (filter, error) = AuditQuery.Parse(http.Request.Query);
        if (filter is null)
        {
            await Results.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "The export filter is not valid.").ExecuteAsync(http);
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = filter.Apply(db.AuditEntries.AsNoTracking()).OrderBy(e => e.Id).AsAsyncEnumerable().Select(AuditCsvRow.Of);

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
        // Actors and comments are typed by people: a leading "=" must not run as a formula when finance opens the file.
        await using var csv = CsvWriter.Create(http.Response.Body, CsvWriterOptions.Default with
        {
            FormatProvider = CultureInfo.InvariantCulture,
            Injection = CsvInjection.Escape,
        }, leaveOpen: true);
        await csv.WriteRecordsAsync(rows, ct);
    }
}
