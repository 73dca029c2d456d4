using FedDashboard.Core.Security;

namespace FedDashboard.Api;

/// <summary>
/// Runs a Core action for an endpoint and answers the way every endpoint does: what the action returns, or its refusal
/// as a problem document with Core's reason — 403 not allowed (audited by Core), 404 no such thing, 400 bad input,
/// 409 not possible in the current state.
/// </summary>
internal static class CoreOutcomes
{
    public static async Task<IResult> RunAsync<T>(Func<Task<T>> action, Func<T, IResult> answer)
    {
        try
        {
            return answer(await action());
        }
        catch (AccessDeniedException refusal)
        {
            return Results.Problem(refusal.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.");
        }
        catch (KeyNotFoundException missing)
        {
            return Results.Problem(missing.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found.");
        }
        catch (ArgumentException bad)
        {
            return Results.Problem(bad.Message, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.");
        }
        catch (InvalidOperationException illegal)
        {
            return Results.Problem(illegal.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible in the current state.");
        }
    }
}
