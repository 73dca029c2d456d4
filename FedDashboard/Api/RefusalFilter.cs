namespace FedDashboard.Api;

/// <summary>
/// Answers Core's refusals with <see cref="RefusalProblems"/> for every endpoint of the group it is added to, and records
/// the ones Core has not audited; the endpoints just call Core and answer its result.
/// </summary>
internal sealed class RefusalFilter(RequestRefusals refusals) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (RefusalProblems.Of(exception) is { } problem)
        {
            if (RefusalProblems.NeedsAuditRow(exception))
                await refusals.RecordAsync(context.HttpContext, ((IStatusCodeHttpResult)problem).StatusCode!.Value, exception.Message);
            return problem;
        }
    }
}
