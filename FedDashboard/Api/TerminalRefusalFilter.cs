using FedDashboard.Protocol;

namespace FedDashboard.Api;

/// <summary>Answers a desk's <see cref="TerminalProtocolException"/> as a problem document carrying its stable code.</summary>
internal sealed class TerminalRefusalFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (TerminalProtocolException refusal)
        {
            if (refusal.RetryAfter is { } wait)
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(refusal);
        }
    }

    public static IResult Problem(TerminalProtocolException refusal) => Results.Problem(detail: refusal.Message, statusCode: refusal.Status, title: refusal.Code,
        extensions: new Dictionary<string, object?> { ["code"] = refusal.Code });
}
