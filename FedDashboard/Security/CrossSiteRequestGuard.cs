using FedDashboard.Api;
using Microsoft.AspNetCore.Antiforgery;

namespace FedDashboard.Security;

/// <summary>
/// Refuses cross-site requests that would change something with the user's cookie: every POST, PUT, PATCH and DELETE
/// under /api and /account must come from this site (Origin and Sec-Fetch-Site, when the browser sends them) and carry
/// either the <see cref="HeaderName"/> header or a valid antiforgery token (the sign-in, password and sign-out forms
/// carry one). Another site can make a browser send a plain form or a simple request, but neither a custom header
/// (that needs a CORS preflight this app never grants) nor a token it cannot read. A refusal is a 403 problem document
/// saying why, recorded in the audit log, and the endpoint never runs.
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next, IAntiforgery antiforgery, RequestRefusals refusals)
{
    /// <summary>Scripts and tools send it with any value.</summary>
    public const string HeaderName = "X-Fed-Csrf";

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsGuarded(context.Request) && await RefusalAsync(context) is { } reason)
        {
            await refusals.RecordAsync(context, StatusCodes.Status403Forbidden, reason);
            await Results.Problem(reason, statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <remarks>Not the client API: it authenticates by API key alone, which no other site can make a browser send.</remarks>
    private static bool IsGuarded(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        && (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/account"))
        && !request.Path.StartsWithSegments(ClientApiEndpoints.Base);

    private async Task<string?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        var self = $"{request.Scheme}://{request.Host}";
        if (origin.Length > 0 && !string.Equals(origin, self, StringComparison.OrdinalIgnoreCase))
            return $"The request comes from another site ({origin}), not from {self}; nothing was changed.";
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
            return $"The browser reports the request as {site} (Sec-Fetch-Site); only this site's own pages may change things. Nothing was changed.";
        if (request.Headers.ContainsKey(HeaderName) || await antiforgery.IsRequestValidAsync(context)) return null;
        return $"A request that changes something needs the header {HeaderName} (any value) or an antiforgery token; nothing was changed.";
    }
}
