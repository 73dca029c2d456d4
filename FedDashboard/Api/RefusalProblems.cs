using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;


namespace FedDashboard.Api;

/// <summary>
/// The one mapping of refusals to problem documents, for every endpoint: 403 not allowed (audited by Core), 404 no such
/// thing, 409 not possible in the current state, 400 bad input — at its field under <c>errors</c> when it has one — and
/// 400 for a body or route value the endpoint cannot read. Only these types: any other exception is unexpected.
/// </summary>
internal static class RefusalProblems
{
    public const string BadRequestTitle = "The request is not valid.";

    public static IResult? Of(Exception exception) => exception switch
    {
        AccessDeniedException e => Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed."),
        NotFoundException e => Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found."),
        ConflictException e => Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible in the current state."),
        InvalidInputException { Field: { } field } e =>
            Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [e.Message] }, e.Message, title: BadRequestTitle),
        InvalidInputException e => Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: BadRequestTitle),
        // Its message names the parameter and the source it could not read, never what the parser said inside.
        BadHttpRequestException e => Results.Problem(e.Message, statusCode: e.StatusCode, title: BadRequestTitle),
        _ => null,
    };

    /// <summary>Refusals Core has not recorded already: bad input and illegal moves (Core audits a refusal for roles itself).</summary>
    public static bool NeedsAuditRow(Exception exception) => exception is ConflictException or InvalidInputException or BadHttpRequestException;
}
