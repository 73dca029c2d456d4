using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Protocol;
using System.Net.Http.Headers;
using EntityTagHeaderValue = Microsoft.Net.Http.Headers.EntityTagHeaderValue;

namespace FedDashboard.Api;

/// <summary>
/// Terminal protocol v1 over HTTP (docs/terminal-protocol.md): each route hands the bearer credential and the request
/// to the desk the in-process channel uses too. A refusal is a problem document with the stable <c>code</c>.
/// </summary>
public static class TerminalEndpoints
{
    public static IEndpointRouteBuilder MapTerminalEndpoints(this IEndpointRouteBuilder app)
    {
        var terminal = app.MapGroup(TerminalRoutes.Base).AddEndpointFilter<TerminalRefusalFilter>().WithGroupName(TerminalProtocolDocument.Name);

        terminal.MapPost("/enrol", (EnrolRequest request, EnrolmentDesk desk, CancellationToken ct) =>
            desk.EnrolAsync(request, TerminalOrigin.Agent, ct));
        terminal.MapPost("/credential/rotate", (HttpContext http, EnrolmentDesk desk, CancellationToken ct) =>
            desk.RotateAsync(Credential(http), ct));
        terminal.MapPost("/heartbeat", (HeartbeatRequest request, HttpContext http, HeartbeatDesk desk, CancellationToken ct) =>
            desk.BeatAsync(Credential(http), request, ct));
        terminal.MapPost("/leave", async (HttpContext http, HeartbeatDesk desk, CancellationToken ct) =>
        {
            await desk.LeaveAsync(Credential(http), ct);
            return Results.NoContent();
        });

        terminal.MapGet("/assignment", async (HttpContext http, WorkDesk desk, CancellationToken ct) =>
            await desk.CurrentAsync(Credential(http), ct) is { } assignment ? Results.Ok(assignment) : Results.NoContent());
        terminal.MapPost("/assignments/{id:int}/decision", (int id, Decision decision, HttpContext http, WorkDesk desk, CancellationToken ct) =>
            desk.DecideAsync(Credential(http), id, decision, ct));
        terminal.MapPost("/assignments/{id:int}/progress", (int id, ProgressReport report, HttpContext http, WorkDesk desk, CancellationToken ct) =>
            desk.ProgressAsync(Credential(http), id, report, ct));
        terminal.MapPost("/assignments/{id:int}/lighter-model", (int id, LighterModelRequest request, HttpContext http, WorkDesk desk, CancellationToken ct) =>
            desk.LighterModelAsync(Credential(http), id, request, ct));
        terminal.MapPut("/assignments/{id:int}/result", (int id, [AsParameters] ResultMetadata metadata, HttpContext http, WorkDesk desk, CancellationToken ct) =>
            desk.UploadAsync(Credential(http), id, metadata, http.Request.Body, http.Request.ContentLength,
                http.Request.Headers[TerminalRoutes.IdempotencyKeyHeader].ToString(), http.Request.Headers[TerminalRoutes.ContentHashHeader].ToString(), ct));

        terminal.MapGet("/models/{hash}", async (string hash, HttpContext http, WorkDesk desk, CancellationToken ct) =>
            Results.File(await desk.ModelFileAsync(Credential(http), hash, ct), "application/octet-stream",
                entityTag: new EntityTagHeaderValue($"\"{hash}\""), enableRangeProcessing: true));
        return app;
    }

    private static string? Credential(HttpContext http) =>
        AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization.ToString(), out var header) && header.Scheme == "Bearer" ? header.Parameter : null;
}
