using System.Diagnostics;
using FedDashboard.Protocol;
using Microsoft.AspNetCore.Diagnostics;

namespace FedDashboard.Api;

/// <summary>
/// What the exception handler answers outside development: a refusal or an unreadable request as its problem document;
/// a terminal's unreadable call as a protocol refusal (invalid_request); anything else as a 500 that says only that something went wrong and the request's id — never the exception's type,
/// message or stack, which go to the log. A page request is left to the error page.
/// </summary>
internal sealed class UnexpectedErrors(RequestRefusals refusals, ILogger<UnexpectedErrors> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The handler runs with the path rewritten to the error page's; the feature keeps the one asked for.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        if (exception is BadHttpRequestException unreadable && path.StartsWith(TerminalRoutes.Base, StringComparison.OrdinalIgnoreCase))
        {
            await TerminalRefusalFilter.Problem(new TerminalProtocolException(ProtocolError.InvalidRequest, unreadable.Message)).ExecuteAsync(http);
            return true;
        }
        if (RefusalProblems.Of(exception) is { } problem)
        {
            if (RefusalProblems.NeedsAuditRow(exception))
                await refusals.RecordAsync(http, ((IStatusCodeHttpResult)problem).StatusCode!.Value, exception.Message);
            await problem.ExecuteAsync(http);
            return true;
        }
        var requestId = Activity.Current?.Id ?? http.TraceIdentifier;
        logger.LogError(exception, "Request {RequestId} ({Method} {Path}) failed.", requestId, http.Request.Method, http.Request.Path);
        if (IsPageRequest(http.Request)) return false;
        await Results.Problem($"Something went wrong on the server. Request id: {requestId}.", statusCode: StatusCodes.Status500InternalServerError,
            title: "Something went wrong.", extensions: new Dictionary<string, object?> { ["requestId"] = requestId }).ExecuteAsync(http);
        return true;
    }

    private static bool IsPageRequest(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && request.Headers.Accept.Any(a => a?.Contains("text/html") == true);
}
